#include "plugin_config.hpp"

#include <nlohmann/json.hpp>

namespace onestop::plugins {

Result<std::string> effectivePluginConfig(const std::string& manifestDefaults,
                                          const std::optional<std::string>& daemonConfig) {
  using nlohmann::json;
  json merged = json::parse(manifestDefaults, nullptr, false);
  if (merged.is_discarded() || !merged.is_object()) merged = json::object();
  if (daemonConfig) {
    const json patch = json::parse(*daemonConfig, nullptr, false);
    if (patch.is_discarded() || !patch.is_object()) {
      return Error(Reason::ValidationFailed, "the daemon's plugin config is not a JSON object");
    }
    merged.merge_patch(patch);
  }
  return merged.dump();
}

}  // namespace onestop::plugins
