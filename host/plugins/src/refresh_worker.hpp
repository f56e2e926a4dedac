#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace onestop::plugins {

// Re-enumerates plugins off the event path: an event handler only asks, this thread calls the
// plugin later, outside the plugin's callback. Requests for the same plugin coalesce.
class RefreshWorker {
 public:
  using Refresh = std::function<void(const std::string& pluginId)>;

  explicit RefreshWorker(Refresh refresh);
  RefreshWorker(const RefreshWorker&) = delete;
  RefreshWorker& operator=(const RefreshWorker&) = delete;
  ~RefreshWorker();

  void request(const std::string& pluginId);
  // Waits until every request made so far has been served (tests, orderly shutdown).
  void drain();
  // Stops the thread; later requests are ignored. Idempotent.
  void stop();

 private:
  void run();

  Refresh refresh_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable idle_;
  std::deque<std::string> pending_;
  bool busy_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace onestop::plugins
