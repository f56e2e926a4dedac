#include "simulator_config.hpp"

#include <nlohmann/json.hpp>

#include "onestop/plugin.hpp"

namespace onestop::simulator {
namespace {

constexpr int kMaxReaders = 8;

[[noreturn]] void reject(const std::string& why) {
  throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT, "simulator config: " + why);
}

std::string text(const nlohmann::json& doc, const char* field) {
  const auto it = doc.find(field);
  if (it == doc.end() || it->is_null()) return {};
  if (!it->is_string()) reject(std::string(field) + " must be a string");
  return it->get<std::string>();
}

}  // namespace

SimulatorConfig parseSimulatorConfig(std::string_view json,
                                     const std::filesystem::path& pluginDir) {
  const auto doc = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) reject("not a JSON object");
  SimulatorConfig config;
  if (const auto it = doc.find("readers"); it != doc.end()) {
    if (!it->is_number_integer() || it->get<int>() < 0 || it->get<int>() > kMaxReaders) {
      reject("readers must be an integer 0..8");
    }
    config.readers = it->get<int>();
  }
  config.insertedCard = text(doc, "insertedCard");
  const std::string scan = text(doc, "scanImages");
  config.scanImages = scan.empty() ? pluginDir / "data" / "scan" : std::filesystem::path(scan);
  const std::string cards = text(doc, "cards");
  config.cards = cards.empty() ? pluginDir / "cards" : std::filesystem::path(cards);
  config.glass = text(doc, "glass");
  const std::string print = text(doc, "printOutput");
  config.printOutput = print.empty()
                           ? std::filesystem::temp_directory_path() / "onestop-simulator-print"
                           : std::filesystem::path(print);
  return config;
}

}  // namespace onestop::simulator
