#pragma once

#include <optional>
#include <string_view>

#include "onestop/plugins/device_catalog.hpp"

namespace onestop::plugins {

// The inverse of deviceKindName (device_catalog.hpp): "reader" → DeviceKind::Reader.
std::optional<DeviceKind> deviceKindFromName(std::string_view name);

}  // namespace onestop::plugins
