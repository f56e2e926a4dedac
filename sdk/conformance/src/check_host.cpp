#include "check_host.hpp"

#include <algorithm>
#include <cstring>

#include "onestop/plugin_layout.h"

namespace onestop::conformance {

CheckHost::CheckHost() {
  api_.header = {ONESTOP_ABI_MAJOR, ONESTOP_ABI_MINOR, sizeof(onestop_host_api)};
  api_.host_context = this;
  api_.log = &CheckHost::onLog;
  api_.emit = &CheckHost::onEmit;
}

std::vector<CheckHost::Event> CheckHost::events() const {
  std::lock_guard lock(mutex_);
  return events_;
}

std::vector<std::string> CheckHost::violations() const {
  std::lock_guard lock(mutex_);
  return violations_;
}

void CheckHost::violation(std::string what) {
  std::lock_guard lock(mutex_);
  violations_.push_back(std::move(what));
}

void CheckHost::onLog(void* context, std::int32_t level, const char* message) {
  auto* self = static_cast<CheckHost*>(context);
  if (self == nullptr) return;  // nothing to record into; the plugin broke host_context
  if (self->shutDown_.load()) ++self->afterShutdown_;
  ++self->logLines_;
  if (message == nullptr) self->violation("log called with a NULL message");
  if (level < ONESTOP_LOG_DEBUG || level > ONESTOP_LOG_ERROR) {
    self->violation("log level " + std::to_string(level) + " is not an onestop_log_level");
  }
}

void CheckHost::onEmit(void* context, const onestop_event* raw) {
  auto* self = static_cast<CheckHost*>(context);
  if (self == nullptr) return;
  if (self->shutDown_.load()) ++self->afterShutdown_;
  if (raw == nullptr) return self->violation("emit called with a NULL event");
  onestop_event e{};
  std::memcpy(&e.struct_size, raw, sizeof e.struct_size);
  if (e.struct_size < ONESTOP_EVENT_MIN_SIZE) {
    return self->violation("event struct_size " + std::to_string(e.struct_size) + " < " +
                           std::to_string(ONESTOP_EVENT_MIN_SIZE));
  }
  std::memcpy(&e, raw, std::min<std::size_t>(e.struct_size, sizeof e));
  Event event{e.kind, e.device_kind, {}, e.data_len};
  if (e.kind < ONESTOP_EVENT_DEVICE_ADDED || e.kind > ONESTOP_EVENT_CARD_REMOVED) {
    self->violation("event kind " + std::to_string(e.kind) + " is not an onestop_event_kind");
  }
  if (e.device_kind < ONESTOP_DEVICE_READER || e.device_kind > ONESTOP_DEVICE_PRINTER) {
    self->violation("event device_kind " + std::to_string(e.device_kind) + " is invalid");
  }
  if (e.device_id == nullptr || strnlen(e.device_id, ONESTOP_ID_MAX) == 0 ||
      strnlen(e.device_id, ONESTOP_ID_MAX) == ONESTOP_ID_MAX) {
    self->violation("event without a NUL-terminated device id");
  } else {
    event.deviceId = e.device_id;
  }
  if (e.data_len > 0 && e.data == nullptr) self->violation("event data_len > 0 with NULL data");
  if (e.kind == ONESTOP_EVENT_CARD_INSERTED && (e.data_len < 2 || e.data_len > 33)) {
    self->violation("CARD_INSERTED carries an ATR of " + std::to_string(e.data_len) +
                    " bytes (ISO 7816-3: 2..33)");
  }
  std::lock_guard lock(self->mutex_);
  self->events_.push_back(std::move(event));
}

}  // namespace onestop::conformance
