// Statistics: per-day counters in the unit's local day (UTC+7), reports, totals and CSV.
#include "onestop/store/statistics.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "temp_dir.hpp"

namespace onestop::store {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;

class StatisticsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::open(dir.file("onestop.db"));
    ASSERT_TRUE(opened.ok()) << opened.error().detail();
    database = *opened;
    statistics.emplace(database, [this] { return now; });
  }

  void record(const StatEvent& event, int times = 1) {
    for (int i = 0; i < times; ++i) {
      auto recorded = statistics->record(event);
      ASSERT_TRUE(recorded.ok()) << recorded.error().detail();
    }
  }

  test::TempDir dir;
  std::shared_ptr<Database> database;
  std::chrono::system_clock::time_point now = sys_days{std::chrono::November / 23 / 2026} + 3h;
  std::optional<Statistics> statistics;
};

TEST_F(StatisticsTest, CountsPerLocalDayAndReportsInclusiveRanges) {
  record({"case", "thuong-tru", "created"}, 3);
  record({"case", "thuong-tru", "submitted"});
  record({"card_read", "chip", "OK"}, 2);
  now = sys_days{std::chrono::November / 23 / 2026} + 16h + 59min + 59s;  // 23:59:59 local
  record({"card_read", "chip", "OK"});
  now = sys_days{std::chrono::November / 23 / 2026} + 17h;  // 00:00 on the 24th local
  record({"card_read", "qr", "QR_NOT_FOUND"});
  now = sys_days{std::chrono::November / 25 / 2026} + 1h;
  record({"verification", "genuine", "OK"});

  auto day = statistics->report("2026-11-23", "2026-11-23");
  ASSERT_TRUE(day.ok()) << day.error().detail();
  const std::vector<StatRow> expected = {
      {"2026-11-23", "card_read", "chip", "OK", 3},
      {"2026-11-23", "case", "thuong-tru", "created", 3},
      {"2026-11-23", "case", "thuong-tru", "submitted", 1},
  };
  EXPECT_EQ(*day, expected);
  auto range = statistics->report("2026-11-24", "2026-11-25");
  ASSERT_TRUE(range.ok());
  ASSERT_EQ(range->size(), 2u);
  EXPECT_EQ((*range)[0], (StatRow{"2026-11-24", "card_read", "qr", "QR_NOT_FOUND", 1}));
  EXPECT_EQ((*range)[1], (StatRow{"2026-11-25", "verification", "genuine", "OK", 1}));
  auto empty = statistics->report("2026-12-01", "2026-12-31");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());

  auto totals = statistics->totals();
  ASSERT_TRUE(totals.ok());
  const std::vector<StatRow> expectedTotals = {
      {"", "card_read", "chip", "OK", 3},       {"", "card_read", "qr", "QR_NOT_FOUND", 1},
      {"", "case", "thuong-tru", "created", 3}, {"", "case", "thuong-tru", "submitted", 1},
      {"", "verification", "genuine", "OK", 1},
  };
  EXPECT_EQ(*totals, expectedTotals);
}

TEST_F(StatisticsTest, RejectsIdentifiersOutsideTheAllowedSet) {
  for (const StatEvent& bad : std::vector<StatEvent>{
           {"", "chip", "OK"},
           {"card read", "chip", "OK"},
           {"case", "thường-trú", "created"},
           {"case", "thuong-tru", std::string(65, 'x')},
           {"case", "a,b", "created"},
           {"case", "thuong-tru", "created\n"},
           {"case", "079203999017'; DROP TABLE stats_daily; --", "OK"},
       }) {
    auto recorded = statistics->record(bad);
    ASSERT_FALSE(recorded.ok()) << bad.kind << "/" << bad.key << "/" << bad.outcome;
    EXPECT_EQ(recorded.error().reason(), Reason::ValidationFailed);
  }
  record({"print", "CT01", "OK"});
  record({"a.b:c-d_e", std::string(64, 'k'), "PRINTER_STOPPED"});
  auto totals = statistics->totals();
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->size(), 2u);
}

TEST_F(StatisticsTest, RejectsMalformedReportRanges) {
  for (const auto& [from, to] :
       std::vector<std::pair<std::string, std::string>>{{"2026-11-24", "2026-11-23"},
                                                        {"23/11/2026", "2026-11-23"},
                                                        {"2026-11-23", "2026-13-01"},
                                                        {"2026-02-30", "2026-03-01"},
                                                        {"2026-11-2", "2026-11-23"},
                                                        {"", ""}}) {
    auto report = statistics->report(from, to);
    ASSERT_FALSE(report.ok()) << from << " " << to;
    EXPECT_EQ(report.error().reason(), Reason::ValidationFailed);
  }
}

TEST_F(StatisticsTest, ConcurrentRecordsLoseNoCount) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([this] {
      for (int i = 0; i < 50; ++i) (void)statistics->record({"print", "CT01", "OK"});
    });
  }
  for (auto& thread : threads) thread.join();
  auto totals = statistics->totals();
  ASSERT_TRUE(totals.ok());
  ASSERT_EQ(totals->size(), 1u);
  EXPECT_EQ((*totals)[0].count, 200);
}

TEST(StatisticsCsv, HeaderRowsAndRfc4180Quoting) {
  EXPECT_EQ(Statistics::toCsv({}), "day,kind,key,outcome,count\r\n");
  const std::vector<StatRow> rows = {
      {"2026-11-23", "case", "thuong-tru", "created", 3},
      {"2026-11-23", "odd", "a,b", "say \"hi\"", 1},
      {"", "multi", "line\nbreak", "cr\rx", 12},
  };
  EXPECT_EQ(Statistics::toCsv(rows),
            "day,kind,key,outcome,count\r\n"
            "2026-11-23,case,thuong-tru,created,3\r\n"
            "2026-11-23,odd,\"a,b\",\"say \"\"hi\"\"\",1\r\n"
            ",multi,\"line\nbreak\",\"cr\rx\",12\r\n");
}

}  // namespace
}  // namespace onestop::store
