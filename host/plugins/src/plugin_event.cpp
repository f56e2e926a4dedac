#include "plugin_event.hpp"

#include <algorithm>
#include <cstring>
#include <optional>

#include "onestop/plugin_layout.h"
#include "onestop/plugins/device_kind.hpp"

namespace onestop::plugins {
namespace {

std::optional<DeviceEvent::Kind> eventKind(std::uint32_t raw) {
  switch (raw) {
    case ONESTOP_EVENT_DEVICE_ADDED:
      return DeviceEvent::Kind::DeviceAdded;
    case ONESTOP_EVENT_DEVICE_REMOVED:
      return DeviceEvent::Kind::DeviceRemoved;
    case ONESTOP_EVENT_CARD_INSERTED:
      return DeviceEvent::Kind::CardInserted;
    case ONESTOP_EVENT_CARD_REMOVED:
      return DeviceEvent::Kind::CardRemoved;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::variant<PluginEvent, std::string> readPluginEvent(const onestop_event* raw) {
  if (raw == nullptr) return std::string("NULL event");
  std::uint32_t size = 0;
  std::memcpy(&size, raw, sizeof size);
  if (size < ONESTOP_EVENT_MIN_SIZE) return std::string("event struct_size too small");
  onestop_event e{};
  std::memcpy(&e, raw, std::min<std::size_t>(size, sizeof e));

  PluginEvent event;
  const auto kind = eventKind(e.kind);
  if (!kind) return "unknown event kind " + std::to_string(e.kind);
  const auto devKind = deviceKindFromAbi(e.device_kind);
  if (!devKind) return "unknown device kind " + std::to_string(e.device_kind);
  event.kind = *kind;
  event.deviceKind = *devKind;
  if ((event.kind == DeviceEvent::Kind::CardInserted ||
       event.kind == DeviceEvent::Kind::CardRemoved) &&
      event.deviceKind != DeviceKind::Reader) {
    return std::string("card event for a device that is not a reader");
  }
  if (e.device_id == nullptr) return std::string("event without device id");
  const std::size_t idLen = strnlen(e.device_id, ONESTOP_ID_MAX);
  if (idLen == 0 || idLen == ONESTOP_ID_MAX) return std::string("empty or overlong device id");
  event.localId.assign(e.device_id, idLen);
  if (e.data_len > 0) {
    if (e.data == nullptr || e.data_len > kMaxEventData) return std::string("bad event data");
    event.data.assign(e.data, e.data + e.data_len);
  }
  return event;
}

}  // namespace onestop::plugins
