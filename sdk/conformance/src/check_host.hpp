#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "onestop/plugin.h"

namespace onestop::conformance {

// The host table the checker hands to the plugin: it records every event and log line, checks
// each against the ABI as it arrives, and notices calls after shutdown.
class CheckHost {
 public:
  struct Event {
    std::uint32_t kind = 0;
    std::uint32_t deviceKind = 0;
    std::string deviceId;
    std::size_t dataLength = 0;
  };

  CheckHost();
  [[nodiscard]] const onestop_host_api* api() const { return &api_; }

  void markShutDown() { shutDown_.store(true); }
  [[nodiscard]] std::vector<Event> events() const;
  [[nodiscard]] std::vector<std::string> violations() const;
  [[nodiscard]] int logLines() const { return logLines_.load(); }
  [[nodiscard]] int callsAfterShutdown() const { return afterShutdown_.load(); }

 private:
  static void onLog(void* context, std::int32_t level, const char* message);
  static void onEmit(void* context, const onestop_event* event);
  void violation(std::string what);

  onestop_host_api api_{};
  mutable std::mutex mutex_;
  std::vector<Event> events_;
  std::vector<std::string> violations_;
  std::atomic<int> logLines_{0};
  std::atomic<int> afterShutdown_{0};
  std::atomic<bool> shutDown_{false};
};

}  // namespace onestop::conformance
