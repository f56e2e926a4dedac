#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "onestop/plugin.h"
#include "onestop/plugins/device_catalog.hpp"

namespace onestop::plugins {

// An event a plugin emitted, copied out of the plugin's memory and checked.
struct PluginEvent {
  DeviceEvent::Kind kind = DeviceEvent::Kind::DeviceAdded;
  DeviceKind deviceKind = DeviceKind::Reader;
  std::string localId;
  std::vector<std::uint8_t> data;
};

inline constexpr std::size_t kMaxEventData = 4096;

// Reads what the event's struct_size covers; a string naming the problem when malformed
// (NULL, too short, unknown kind, missing or overlong device id, card events on a non-reader).
std::variant<PluginEvent, std::string> readPluginEvent(const onestop_event* raw);

}  // namespace onestop::plugins
