#pragma once
// The plugin host's log lines, collected for assertions (plugin lines arrive prefixed with the
// plugin id). Shared by the PC/SC and SANE plugin tests.
#include <mutex>
#include <string>
#include <vector>

#include "onestop/plugins/log.hpp"

namespace onestop::testing {

class HostLogCapture {
 public:
  plugins::LogFunction function() {
    return [this](plugins::LogLevel, std::string message) {
      std::lock_guard lock(mutex_);
      lines_.push_back(std::move(message));
    };
  }
  [[nodiscard]] bool contains(const std::string& text) const {
    std::lock_guard lock(mutex_);
    for (const auto& line : lines_) {
      if (line.find(text) != std::string::npos) return true;
    }
    return false;
  }
  [[nodiscard]] std::string all() const {
    std::lock_guard lock(mutex_);
    std::string out;
    for (const auto& line : lines_) out += line + "\n";
    return out;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

}  // namespace onestop::testing
