#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "onestop/plugins/device_catalog.hpp"

namespace onestop::plugins {

// The inverse of deviceKindName (device_catalog.hpp): "reader" → DeviceKind::Reader.
std::optional<DeviceKind> deviceKindFromName(std::string_view name);

// ONESTOP_DEVICE_READER … as a plugin reports it; nullopt for a value the ABI does not define.
std::optional<DeviceKind> deviceKindFromAbi(std::uint32_t raw);

}  // namespace onestop::plugins
