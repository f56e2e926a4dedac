// Shared by the pcsc plugin's integration tests: event capture and polling.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "host_log_capture.hpp"
#include "onestop/plugins/device_catalog.hpp"
#include "onestop/plugins/log.hpp"

namespace onestop::pcsc::testing {

inline std::filesystem::path pcscPluginDir() {
  return std::filesystem::path(ONESTOP_PLUGIN_STAGE_DIR) / "pcsc";
}

inline const std::string kReaderId = "pcsc/Virtual PCD 00 00";

// Collects device events from the host's listener (called on the plugin's monitor thread).
class Events {
 public:
  plugins::DeviceCatalog::Listener listener() {
    return [this](const plugins::DeviceEvent& e) {
      std::lock_guard lock(mutex_);
      events_.push_back(e);
    };
  }
  // Whether an event of that kind for that device came at index `from` or later; its ATR to atr.
  [[nodiscard]] bool has(plugins::DeviceEvent::Kind kind, const std::string& id,
                         std::size_t from = 0, std::vector<std::uint8_t>* atr = nullptr) const {
    std::lock_guard lock(mutex_);
    for (std::size_t i = from; i < events_.size(); ++i) {
      if (events_[i].kind == kind && events_[i].device.id == id) {
        if (atr != nullptr) *atr = events_[i].atr;
        return true;
      }
    }
    return false;
  }
  [[nodiscard]] std::size_t count() const {
    std::lock_guard lock(mutex_);
    return events_.size();
  }

 private:
  mutable std::mutex mutex_;
  std::vector<plugins::DeviceEvent> events_;
};

// The host's log lines, for assertions.
using Logs = onestop::testing::HostLogCapture;

// Polls until pred() holds or the timeout passes.
inline bool eventually(const std::function<bool()>& pred,
                       std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return pred();
}

inline std::size_t openFileDescriptors() {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    ++n;
  }
  return n;
}

}  // namespace onestop::pcsc::testing
