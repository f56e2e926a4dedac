#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <functional>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "onestop/plugins/log.hpp"
#include "onestop/plugins/plugin_host.hpp"

namespace onestop::plugins::testing {

// Set by tests/unit/plugins/CMakeLists.txt.
inline std::filesystem::path fixtureDir(const std::string& name) {
  return std::filesystem::path(ONESTOP_FIXTURE_PLUGIN_DIR) / name;
}
inline std::filesystem::path fixtureRoot() {
  return ONESTOP_FIXTURE_PLUGIN_DIR;
}
inline std::filesystem::path simulatorDir() {
  return std::filesystem::path(ONESTOP_PLUGIN_STAGE_DIR) / "simulator";
}

// A fresh folder under the system temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("onestop-plugins-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Collects log lines (thread-safe).
class LogCapture {
 public:
  LogFunction function() {
    return [this](LogLevel level, std::string message) {
      std::lock_guard lock(mutex_);
      lines_.push_back({level, std::move(message)});
    };
  }
  [[nodiscard]] bool contains(const std::string& text) const {
    std::lock_guard lock(mutex_);
    for (const auto& [level, line] : lines_) {
      if (line.find(text) != std::string::npos) return true;
    }
    return false;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::pair<LogLevel, std::string>> lines_;
};

// Collects device events from the host's listener (called on plugin threads).
class EventCapture {
 public:
  DeviceCatalog::Listener listener() {
    return [this](const DeviceEvent& e) {
      std::lock_guard lock(mutex_);
      events_.push_back(e);
    };
  }
  [[nodiscard]] std::vector<DeviceEvent> events() const {
    std::lock_guard lock(mutex_);
    return events_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<DeviceEvent> events_;
};

inline PluginHostOptions optionsFor(std::vector<std::filesystem::path> dirs, LogFunction log = {}) {
  PluginHostOptions options;
  options.directories = std::move(dirs);
  options.log = std::move(log);
  return options;
}

inline const PluginReport* findReport(const std::vector<PluginReport>& reports,
                                      const std::string& id) {
  for (const auto& r : reports) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

// Polls until pred() holds or two seconds pass.
inline bool eventually(const std::function<bool()>& pred) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (std::chrono::steady_clock::now() < deadline) {
    if (pred()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return pred();
}

}  // namespace onestop::plugins::testing
