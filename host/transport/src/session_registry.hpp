#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

namespace onestop::transport {

// Live WebSocket sessions, so the connection limit can be enforced and stop() can close them all.
class SessionRegistry {
 public:
  explicit SessionRegistry(std::size_t capacity) : capacity_(capacity) {}

  // Reserves a slot before the upgrade; false when the limit is reached or we are stopping.
  bool tryReserve(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    if (closed_ || closers_.size() >= capacity_) return false;
    closers_.emplace(id, nullptr);
    return true;
  }
  // Once the session exists: how stop() closes it. Returns false if stop() already ran.
  bool activate(std::uint64_t id, std::function<void()> closer) {
    std::lock_guard lock(mutex_);
    if (closed_) return false;
    closers_[id] = std::move(closer);
    return true;
  }
  void remove(std::uint64_t id) {
    std::lock_guard lock(mutex_);
    closers_.erase(id);
  }
  void closeAll() {
    std::map<std::uint64_t, std::function<void()>> closers;
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
      closers = closers_;
    }
    for (auto& [id, close] : closers) {
      if (close) close();
    }
  }
  [[nodiscard]] std::size_t size() const {
    std::lock_guard lock(mutex_);
    return closers_.size();
  }

 private:
  std::size_t capacity_;
  mutable std::mutex mutex_;
  bool closed_ = false;
  std::map<std::uint64_t, std::function<void()>> closers_;
};

}  // namespace onestop::transport
