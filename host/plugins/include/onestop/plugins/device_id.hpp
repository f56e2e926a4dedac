#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace onestop::plugins {

// A device's global id is "<pluginId>/<localId>". Plugin ids never contain '/', local ids may.
struct DeviceAddress {
  std::string pluginId;
  std::string localId;
};

std::string makeDeviceId(std::string_view pluginId, std::string_view localId);
std::optional<DeviceAddress> parseDeviceId(std::string_view deviceId);

}  // namespace onestop::plugins
