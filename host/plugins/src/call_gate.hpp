#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace onestop::plugins {

// Lets calls into a plugin proceed concurrently until close(), which refuses new calls and waits
// for the running ones to return, so that shutdown and unload never race a call in flight.
// Entering is not a lock: a plugin may call back into the host (emit) and the host may call into
// the plugin again from that callback without deadlock.
class CallGate {
 public:
  class Pass {
   public:
    Pass() = default;
    explicit Pass(CallGate* gate) : gate_(gate) {}
    Pass(Pass&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Pass& operator=(Pass&&) = delete;
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;
    ~Pass();
    explicit operator bool() const { return gate_ != nullptr; }

   private:
    CallGate* gate_ = nullptr;
  };

  // An empty pass once the gate is closed.
  Pass enter();
  // Refuses new passes and waits until every pass handed out has been destroyed.
  void close();
  [[nodiscard]] bool closed() const;

 private:
  void leave();

  mutable std::mutex mutex_;
  std::condition_variable idle_;
  std::size_t active_ = 0;
  bool closed_ = false;
};

}  // namespace onestop::plugins
