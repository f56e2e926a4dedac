#include "onestop/plugins/device_kind.hpp"

#include "onestop/plugin.h"

namespace onestop::plugins {

std::optional<DeviceKind> deviceKindFromName(std::string_view name) {
  for (DeviceKind kind : {DeviceKind::Reader, DeviceKind::Scanner, DeviceKind::Printer}) {
    if (name == deviceKindName(kind)) return kind;
  }
  return std::nullopt;
}

std::optional<DeviceKind> deviceKindFromAbi(std::uint32_t raw) {
  switch (raw) {
    case ONESTOP_DEVICE_READER:
      return DeviceKind::Reader;
    case ONESTOP_DEVICE_SCANNER:
      return DeviceKind::Scanner;
    case ONESTOP_DEVICE_PRINTER:
      return DeviceKind::Printer;
    default:
      return std::nullopt;
  }
}

}  // namespace onestop::plugins
