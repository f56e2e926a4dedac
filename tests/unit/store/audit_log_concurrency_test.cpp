#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "onestop/store/audit_log.hpp"
#include "temp_dir.hpp"

namespace onestop::store {
namespace {

// Appends `perThread` records from each of `threads` threads, each thread its own actor.
// Returns the number of failed appends.
int appendFromThreads(std::vector<AuditLog*> logs, int threads, int perThread) {
  std::atomic<int> failures{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    AuditLog* log = logs[static_cast<std::size_t>(t) % logs.size()];
    workers.emplace_back([log, t, perThread, &failures] {
      for (int i = 0; i < perThread; ++i) {
        auto entry = log->append({.actor = "thread-" + std::to_string(t),
                                  .session = std::to_string(i),
                                  .method = "card.read",
                                  .fields = {"DG1"},
                                  .outcome = "OK"});
        if (!entry.ok()) ++failures;
      }
    });
  }
  for (auto& worker : workers) worker.join();
  return failures.load();
}

void expectContiguousChain(const AuditLog& log, int threads, int perThread) {
  EXPECT_TRUE(log.verifyChain().ok());
  auto entries = log.query({.limit = AuditLog::kMaxQueryLimit, .newestFirst = false});
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), static_cast<std::size_t>(threads * perThread));
  std::map<std::string, int> perActor;
  for (std::size_t i = 0; i < entries->size(); ++i) {
    EXPECT_EQ((*entries)[i].sequence, static_cast<std::int64_t>(i + 1));
    if (i > 0) {
      EXPECT_EQ((*entries)[i].previousHash, (*entries)[i - 1].hash);
    }
    ++perActor[(*entries)[i].actor];
  }
  ASSERT_EQ(perActor.size(), static_cast<std::size_t>(threads));
  for (const auto& [actor, count] : perActor) EXPECT_EQ(count, perThread) << actor;
}

TEST(AuditLogConcurrency, EightThreadsAppendingKeepOneContiguousChain) {
  test::TempDir dir;
  auto database = Database::open(dir.file("onestop.db"));
  ASSERT_TRUE(database.ok());
  AuditLog log(*database);
  EXPECT_EQ(appendFromThreads({&log}, 8, 200), 0);
  expectContiguousChain(log, 8, 200);
}

// Two handles on one file stand in for two processes: the IMMEDIATE transaction and the busy
// timeout keep their appends from forking the chain.
TEST(AuditLogConcurrency, TwoHandlesOnOneFileKeepOneChain) {
  test::TempDir dir;
  auto first = Database::open(dir.file("onestop.db"));
  auto second = Database::open(dir.file("onestop.db"));
  ASSERT_TRUE(first.ok() && second.ok());
  AuditLog firstLog(*first);
  AuditLog secondLog(*second);
  EXPECT_EQ(appendFromThreads({&firstLog, &secondLog}, 4, 100), 0);
  expectContiguousChain(secondLog, 4, 100);
}

}  // namespace
}  // namespace onestop::store
