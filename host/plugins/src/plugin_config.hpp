#pragma once

#include <optional>
#include <string>

#include "onestop/common/result.hpp"

namespace onestop::plugins {

// The config text a plugin's init receives: the manifest's "config" defaults with the daemon's
// per-plugin object merged over them (RFC 7386 merge patch). ValidationFailed when the daemon's
// text is not a JSON object.
Result<std::string> effectivePluginConfig(const std::string& manifestDefaults,
                                          const std::optional<std::string>& daemonConfig);

}  // namespace onestop::plugins
