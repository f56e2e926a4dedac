#include "call_gate.hpp"

namespace onestop::plugins {

CallGate::Pass::~Pass() {
  if (gate_ != nullptr) gate_->leave();
}

CallGate::Pass CallGate::enter() {
  std::lock_guard lock(mutex_);
  if (closed_) return Pass();
  ++active_;
  return Pass(this);
}

void CallGate::close() {
  std::unique_lock lock(mutex_);
  closed_ = true;
  idle_.wait(lock, [this] { return active_ == 0; });
}

bool CallGate::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

void CallGate::leave() {
  std::lock_guard lock(mutex_);
  if (--active_ == 0) idle_.notify_all();
}

}  // namespace onestop::plugins
