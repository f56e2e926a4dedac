#include "sane_config.hpp"

#include <array>

#include "onestop/plugin.hpp"

namespace onestop::sane {
namespace {

[[noreturn]] void invalid(const std::string& why) {
  throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT, "sane config: " + why);
}

}  // namespace

SaneConfig parseSaneConfig(std::string_view text) {
  const auto doc = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) invalid("not a JSON object");
  SaneConfig config;
  if (const auto it = doc.find("allowNetworkBackends"); it != doc.end() && !it->is_null()) {
    if (!it->is_boolean()) invalid("allowNetworkBackends must be true or false");
    config.allowNetworkBackends = it->get<bool>();
  }
  if (const auto it = doc.find("devices"); it != doc.end() && !it->is_null()) {
    if (!it->is_object()) invalid("devices must be an object of device name → settings");
    for (const auto& [device, settings] : it->items()) {
      if (!settings.is_object()) invalid("devices." + device + " must be an object");
      const auto options = settings.find("options");
      if (options == settings.end() || options->is_null()) continue;
      if (!options->is_object()) invalid("devices." + device + ".options must be an object");
      config.deviceOptions[device] = *options;
    }
  }
  return config;
}

bool isNetworkDevice(std::string_view saneName) {
  // The backends that reach scanners over the network.
  constexpr std::array<std::string_view, 5> kPrefixes{
      "net:", "escl:", "airscan:", "saned:", "bjnp:"};
  for (auto prefix : kPrefixes) {
    if (saneName.substr(0, prefix.size()) == prefix) return true;
  }
  return false;
}

}  // namespace onestop::sane
