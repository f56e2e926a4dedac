#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace onestop::api {

// The dispatcher's executor for long calls: a fixed set of threads and a bounded queue, so a
// flood of card reads is refused (TOO_MANY_REQUESTS) instead of growing threads or memory.
class TaskPool {
 public:
  TaskPool(std::size_t threads, std::size_t maxQueued);
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;
  ~TaskPool();  // stop()

  // False when stopped or the queue is full.
  bool post(std::function<void()> task);
  // Refuses new tasks, lets queued and running ones finish, joins the threads. Idempotent.
  void stop();

 private:
  void work();

  std::size_t maxQueued_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace onestop::api
