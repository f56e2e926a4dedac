#pragma once

#include <atomic>
#include <string>

#include "event_router.hpp"
#include "onestop/plugin.h"
#include "onestop/plugins/log.hpp"

namespace onestop::plugins {

// The host table handed to one plugin's init: its host_context is this object, which knows the
// plugin's id, so events and log lines are attributed without trusting the plugin. Stays at one
// address for the plugin's whole life (held by unique_ptr).
class HostBinding {
 public:
  HostBinding(std::string pluginId, LogFunction log, EventRouter& router);
  HostBinding(const HostBinding&) = delete;
  HostBinding& operator=(const HostBinding&) = delete;

  [[nodiscard]] const onestop_host_api* api() const { return &api_; }
  // After the plugin's shutdown: events and log lines that still arrive are dropped.
  void close() { open_.store(false); }

 private:
  static void onLog(void* context, std::int32_t level, const char* message) noexcept;
  static void onEmit(void* context, const onestop_event* event) noexcept;
  void log(LogLevel level, std::string message) const noexcept;

  std::string pluginId_;
  LogFunction log_;
  EventRouter& router_;
  std::atomic<bool> open_{true};
  onestop_host_api api_{};
};

}  // namespace onestop::plugins
