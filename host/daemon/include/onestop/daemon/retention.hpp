#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace onestop::store {
class CaseStore;
}

namespace onestop::daemon {

// Deletes cases older than the configured retention at start and then once a day, on a thread
// of its own; stops with the object. The audit log and the statistics are never purged here.
class RetentionPurge {
 public:
  RetentionPurge(store::CaseStore& cases, std::chrono::days retention,
                 std::chrono::hours period = std::chrono::hours(24));
  ~RetentionPurge();
  RetentionPurge(const RetentionPurge&) = delete;
  RetentionPurge& operator=(const RetentionPurge&) = delete;

 private:
  void run();

  store::CaseStore& cases_;
  std::chrono::days retention_;
  std::chrono::hours period_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace onestop::daemon
