#include "card_model_registry.hpp"

#include <array>
#include <stdexcept>
#include <system_error>

#include "cccd_chip/cccd_chip.hpp"
#include "echo_card.hpp"
#include "onestop/plugin.hpp"

namespace onestop::simulator {
namespace {

using Factory = std::unique_ptr<CardModel> (*)(const nlohmann::json& options);

struct ModelEntry {
  std::string_view name;
  Factory make;
};

std::unique_ptr<CardModel> loadChip(const std::filesystem::path& folder) {
  try {
    return std::make_unique<cccd::CccdChip>(folder);
  } catch (const std::runtime_error& e) {
    throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT,
                           "card folder " + folder.filename().string() + ": " + e.what());
  }
}

constexpr std::array kModels{
    ModelEntry{"echo",
               [](const nlohmann::json&) -> std::unique_ptr<CardModel> {
                 return std::make_unique<EchoCard>();
               }},
    ModelEntry{"cccd",
               [](const nlohmann::json& options) -> std::unique_ptr<CardModel> {
                 const auto folder = options.find("folder");
                 if (folder == options.end() || !folder->is_string()) {
                   throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT,
                                          "card \"cccd\" needs \"folder\": a card folder");
                 }
                 return loadChip(folder->get<std::string>());
               }},
};

// A plain folder name (no separators, no "..") that holds a chip.json under `cardsFolder`.
bool isCardFolder(std::string_view name, const std::filesystem::path& cardsFolder) {
  if (cardsFolder.empty() || name.empty() || name.find('/') != std::string_view::npos ||
      name.find('\\') != std::string_view::npos || name == "." || name == "..") {
    return false;
  }
  std::error_code error;
  return std::filesystem::is_regular_file(cardsFolder / name / "chip.json", error);
}

}  // namespace

std::unique_ptr<CardModel> makeCardModel(std::string_view name, const nlohmann::json& options,
                                         const std::filesystem::path& cardsFolder) {
  for (const auto& model : kModels) {
    if (model.name == name) return model.make(options);
  }
  if (isCardFolder(name, cardsFolder)) return loadChip(cardsFolder / name);
  return nullptr;
}

std::vector<std::string> cardModelNames() {
  std::vector<std::string> names;
  for (const auto& model : kModels) names.emplace_back(model.name);
  return names;
}

}  // namespace onestop::simulator
