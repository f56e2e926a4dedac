// Several handles on one file, as several daemons or tools would have: submits racing from four
// threads, each with its own Database, still get distinct receipt numbers with no gaps.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "onestop/store/case_store.hpp"
#include "synthetic_case.hpp"
#include "temp_dir.hpp"

namespace onestop::store {
namespace {

int numberOf(const std::string& receiptNumber) {
  return std::stoi(receiptNumber.substr(0, receiptNumber.find('/')));
}

TEST(CaseStoreConcurrency, FourHandlesSubmittingGetDistinctGaplessNumbers) {
  constexpr int kThreads = 4;
  constexpr int kCasesPerThread = 25;
  test::TempDir dir;
  const auto file = dir.file("onestop.db");
  const auto cipher = test::testCipher();
  {
    auto created = Database::open(file);  // schema in place before the race
    ASSERT_TRUE(created.ok());
  }

  std::atomic<bool> go{false};
  std::vector<std::vector<CaseRecord>> results(kThreads);
  std::vector<std::string> failures(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto database = Database::open(file);
      if (!database) {
        failures[static_cast<std::size_t>(t)] = database.error().detail();
        return;
      }
      CaseStore store(*database, cipher, "79001");
      while (!go) std::this_thread::yield();
      for (int i = 0; i < kCasesPerThread; ++i) {
        auto created = store.create(test::syntheticCase());
        if (!created) {
          failures[static_cast<std::size_t>(t)] = created.error().detail();
          return;
        }
        // Alternate kinds so two counters race at once.
        auto submitted =
            store.submit(created->id, {.kind = i % 3 == 2 ? "CT05" : "CT04", .data = {}});
        if (!submitted) {
          failures[static_cast<std::size_t>(t)] = submitted.error().detail();
          return;
        }
        results[static_cast<std::size_t>(t)].push_back(*submitted);
      }
    });
  }
  go = true;
  for (auto& thread : threads) thread.join();
  for (const auto& failure : failures) ASSERT_EQ(failure, "");

  std::set<std::string> caseIds;
  std::set<std::string> fileCodes;
  std::vector<int> ct04;
  std::vector<int> ct05;
  for (const auto& perThread : results) {
    ASSERT_EQ(perThread.size(), static_cast<std::size_t>(kCasesPerThread));
    int lastOwn04 = 0;
    for (const CaseRecord& record : perThread) {
      caseIds.insert(record.id);
      fileCodes.insert(record.receipt->fileCode);
      const int number = numberOf(record.receipt->number);
      if (record.receipt->kind == "CT04") {
        ct04.push_back(number);
        EXPECT_GT(number, lastOwn04);  // one thread's numbers only grow
        lastOwn04 = number;
      } else {
        ct05.push_back(number);
      }
    }
  }
  EXPECT_EQ(caseIds.size(), static_cast<std::size_t>(kThreads * kCasesPerThread));
  EXPECT_EQ(fileCodes.size(), static_cast<std::size_t>(kThreads * kCasesPerThread));
  for (auto* numbers : {&ct04, &ct05}) {
    std::sort(numbers->begin(), numbers->end());
    for (std::size_t i = 0; i < numbers->size(); ++i) {
      EXPECT_EQ((*numbers)[i], static_cast<int>(i) + 1) << "gap or duplicate";
    }
  }
  EXPECT_EQ(ct04.size() + ct05.size(), static_cast<std::size_t>(kThreads * kCasesPerThread));
}

}  // namespace
}  // namespace onestop::store
