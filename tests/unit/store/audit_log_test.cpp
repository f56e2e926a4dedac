#include "onestop/store/audit_log.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <string>

#include "onestop/store/audit_chain.hpp"
#include "temp_dir.hpp"

namespace onestop::store {
namespace {

using std::chrono::milliseconds;
using std::chrono::system_clock;

// 2025-01-02T03:04:05.678Z, advanced one day per call.
AuditLog::Clock steppingClock() {
  auto next = std::make_shared<system_clock::time_point>(
      system_clock::time_point(milliseconds(1735787045678)));
  return [next] {
    const auto now = *next;
    *next += std::chrono::hours(24);
    return now;
  };
}

AuditRecord record(std::string method, std::string actor = "https://counter.example") {
  return {.actor = std::move(actor),
          .session = "s-1",
          .method = std::move(method),
          .subject = "reader:simulator/reader-0",
          .fields = {"DG1", "DG2", "DG13", "photo"},
          .outcome = "OK",
          .detail = ""};
}

std::shared_ptr<Database> memoryDatabase() {
  auto database = Database::openInMemory();
  EXPECT_TRUE(database.ok());
  return *database;
}

TEST(AuditLog, FirstEntryChainsToZerosAndTheNextToIt) {
  AuditLog log(memoryDatabase(), steppingClock());
  auto first = log.append(record("card.read"));
  ASSERT_TRUE(first.ok()) << first.error().detail();
  EXPECT_EQ(first->sequence, 1);
  EXPECT_EQ(first->previousHash, kAuditGenesisHash);
  EXPECT_EQ(first->time, "2025-01-02T03:04:05.678Z");
  EXPECT_TRUE(std::regex_match(first->hash, std::regex("[0-9a-f]{64}")));
  EXPECT_EQ(first->hash, auditEntryHash(*first));
  EXPECT_EQ(static_cast<const AuditRecord&>(*first), record("card.read"));

  auto second = log.append(record("card.cancel"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->sequence, 2);
  EXPECT_EQ(second->previousHash, first->hash);
  EXPECT_EQ(second->time, "2025-01-03T03:04:05.678Z");
  EXPECT_TRUE(log.verifyChain().ok());
}

TEST(AuditLog, StoredEntriesReadBackExactly) {
  AuditLog log(memoryDatabase());
  AuditRecord noFields = record("card.read");
  noFields.fields.clear();
  noFields.detail = "khóa truy cập sai / access key rejected";
  noFields.outcome = "ACCESS_KEY_REJECTED";
  auto a = log.append(record("card.read"));
  auto b = log.append(noFields);
  ASSERT_TRUE(a.ok() && b.ok());
  auto entries = log.query({.newestFirst = false});
  ASSERT_TRUE(entries.ok());
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0], *a);
  EXPECT_EQ((*entries)[1], *b);
  EXPECT_TRUE((*entries)[1].fields.empty());
  EXPECT_TRUE(std::regex_match((*entries)[0].time,
                               std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
}

TEST(AuditLog, RejectedRecordWritesNothing) {
  AuditLog log(memoryDatabase());
  AuditRecord bad = record("card.read");
  bad.fields = {"Nguyễn Văn A"};
  const auto result = log.append(bad);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason(), Reason::ValidationFailed);
  auto entries = log.query({});
  ASSERT_TRUE(entries.ok());
  EXPECT_TRUE(entries->empty());
  // The chain starts at 1 with the next good record.
  auto good = log.append(record("card.read"));
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(good->sequence, 1);
}

TEST(AuditLog, QueryFiltersOrdersAndLimits) {
  AuditLog log(memoryDatabase(), steppingClock());  // entry n is on 2025-01-(n+1)
  ASSERT_TRUE(log.append(record("card.read", "https://a.example")).ok());
  ASSERT_TRUE(log.append(record("card.read", "token")).ok());
  ASSERT_TRUE(log.append(record("scan.start", "https://a.example")).ok());
  ASSERT_TRUE(log.append(record("card.read", "https://a.example")).ok());

  const auto sequences = [&](const AuditLog::Query& query) {
    auto entries = log.query(query);
    EXPECT_TRUE(entries.ok()) << entries.error().detail();
    std::vector<std::int64_t> out;
    for (const auto& entry : *entries) out.push_back(entry.sequence);
    return out;
  };
  using V = std::vector<std::int64_t>;
  EXPECT_EQ(sequences({}), (V{4, 3, 2, 1}));
  EXPECT_EQ(sequences({.newestFirst = false}), (V{1, 2, 3, 4}));
  EXPECT_EQ(sequences({.limit = 2}), (V{4, 3}));
  EXPECT_EQ(sequences({.limit = 2, .newestFirst = false}), (V{1, 2}));
  EXPECT_EQ(sequences({.method = "card.read"}), (V{4, 2, 1}));
  EXPECT_EQ(sequences({.actor = "token"}), (V{2}));
  EXPECT_EQ(sequences({.method = "card.read", .actor = "https://a.example"}), (V{4, 1}));
  EXPECT_EQ(sequences({.since = "2025-01-03"}), (V{4, 3, 2}));
  EXPECT_EQ(sequences({.until = "2025-01-03"}), (V{1}));
  EXPECT_EQ(sequences({.since = "2025-01-03T03:04:05.678Z", .until = "2025-01-05"}), (V{3, 2}));
  EXPECT_EQ(sequences({.method = "nothing.here"}), V{});
  // A value that looks like SQL is only ever a value.
  EXPECT_EQ(sequences({.actor = "x' OR '1'='1"}), V{});
}

TEST(AuditLog, QueryRejectsBadLimitsAndTimes) {
  AuditLog log(memoryDatabase());
  EXPECT_EQ(log.query({.limit = 0}).error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(log.query({.limit = AuditLog::kMaxQueryLimit + 1}).error().reason(),
            Reason::ValidationFailed);
  EXPECT_TRUE(log.query({.limit = AuditLog::kMaxQueryLimit}).ok());
  EXPECT_EQ(log.query({.since = "yesterday"}).error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(log.query({.until = ""}).error().reason(), Reason::ValidationFailed);
}

TEST(AuditLog, ChainContinuesAcrossCloseAndReopen) {
  test::TempDir dir;
  const auto file = dir.file("onestop.db");
  std::string lastHash;
  {
    auto database = Database::open(file);
    ASSERT_TRUE(database.ok());
    AuditLog log(*database);
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(log.append(record("card.read")).ok());
    auto last = log.append(record("card.cancel"));
    ASSERT_TRUE(last.ok());
    lastHash = last->hash;
  }
  auto database = Database::open(file);
  ASSERT_TRUE(database.ok());
  AuditLog log(*database);
  auto next = log.append(record("card.read"));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->sequence, 5);
  EXPECT_EQ(next->previousHash, lastHash);
  EXPECT_TRUE(log.verifyChain().ok());
}

TEST(AuditLog, EmptyLogVerifies) {
  AuditLog log(memoryDatabase());
  EXPECT_TRUE(log.verifyChain().ok());
}

}  // namespace
}  // namespace onestop::store
