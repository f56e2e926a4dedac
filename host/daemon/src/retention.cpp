#include "onestop/daemon/retention.hpp"

#include <Poco/Logger.h>

#include "onestop/store/case_store.hpp"

namespace onestop::daemon {

RetentionPurge::RetentionPurge(store::CaseStore& cases, std::chrono::days retention,
                               std::chrono::hours period)
    : cases_(cases), retention_(retention), period_(period) {
  if (retention_.count() > 0) thread_ = std::thread([this] { run(); });
}

RetentionPurge::~RetentionPurge() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void RetentionPurge::run() {
  auto& log = Poco::Logger::get("onestop.records");
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    if (auto purged = cases_.purgeOlderThan(retention_); !purged) {
      log.error("retention purge failed: %s", purged.error().detail());
    } else if (*purged > 0) {
      log.information("retention purge: %z cases older than %d days deleted", *purged,
                      static_cast<int>(retention_.count()));
    }
    lock.lock();
    wake_.wait_for(lock, period_, [this] { return stopping_; });
  }
}

}  // namespace onestop::daemon
