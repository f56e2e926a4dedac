#include "onestop/plugins/device_kind.hpp"

namespace onestop::plugins {

std::optional<DeviceKind> deviceKindFromName(std::string_view name) {
  for (DeviceKind kind : {DeviceKind::Reader, DeviceKind::Scanner, DeviceKind::Printer}) {
    if (name == deviceKindName(kind)) return kind;
  }
  return std::nullopt;
}

}  // namespace onestop::plugins
