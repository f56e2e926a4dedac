#include "onestop/plugins/device_id.hpp"

namespace onestop::plugins {

std::string makeDeviceId(std::string_view pluginId, std::string_view localId) {
  std::string id;
  id.reserve(pluginId.size() + 1 + localId.size());
  id.append(pluginId).append("/").append(localId);
  return id;
}

std::optional<DeviceAddress> parseDeviceId(std::string_view deviceId) {
  const auto slash = deviceId.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == deviceId.size()) {
    return std::nullopt;
  }
  return DeviceAddress{std::string(deviceId.substr(0, slash)),
                       std::string(deviceId.substr(slash + 1))};
}

}  // namespace onestop::plugins
