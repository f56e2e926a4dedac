#include "refresh_worker.hpp"

#include <algorithm>

namespace onestop::plugins {

RefreshWorker::RefreshWorker(Refresh refresh)
    : refresh_(std::move(refresh)), thread_([this] { run(); }) {}

RefreshWorker::~RefreshWorker() {
  stop();
}

void RefreshWorker::request(const std::string& pluginId) {
  std::lock_guard lock(mutex_);
  if (stopping_) return;
  if (std::find(pending_.begin(), pending_.end(), pluginId) == pending_.end()) {
    pending_.push_back(pluginId);
  }
  wake_.notify_one();
}

void RefreshWorker::drain() {
  std::unique_lock lock(mutex_);
  idle_.wait(lock, [this] { return stopping_ || (pending_.empty() && !busy_); });
}

void RefreshWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !thread_.joinable()) return;
    stopping_ = true;
    pending_.clear();
  }
  wake_.notify_all();
  idle_.notify_all();
  if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) thread_.join();
}

void RefreshWorker::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
    if (stopping_) break;
    const std::string pluginId = pending_.front();
    pending_.pop_front();
    busy_ = true;
    lock.unlock();
    try {
      refresh_(pluginId);
    } catch (...) {  // the refresh logs its own failures
    }
    lock.lock();
    busy_ = false;
    if (pending_.empty()) idle_.notify_all();
  }
  idle_.notify_all();
}

}  // namespace onestop::plugins
