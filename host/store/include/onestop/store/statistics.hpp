#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/store/case_store.hpp"
#include "onestop/store/database.hpp"

namespace onestop::store {

// Counters per day for the unit's reports: no citizen data, only kinds, procedure ids, verdicts
// and outcomes. Each of kind, key and outcome must match [A-Za-z0-9_.:-]{1,64}.
struct StatEvent {
  std::string kind{};
  std::string key{};
  std::string outcome{};
};
// kinds: "case" (key = procedure id, outcome = created|submitted|returned|refused),
//        "card_read" (key = "chip"|"qr", outcome = "OK" or a reason name),
//        "verification" (key = "genuine"|"not_genuine"|"unknown", outcome "OK"),
//        "eid_registration" (key = "level2", outcome = submitted|returned|refused),
//        "print" (key = form id, outcome = "OK" or reason)

struct StatRow {
  std::string day{};  // yyyy-mm-dd local (UTC+7); "" in totals()
  std::string kind{}, key{}, outcome{};
  std::int64_t count = 0;

  bool operator==(const StatRow&) const = default;
};

// Table stats_daily; never purged (it holds no PII). Thread-safe.
class Statistics {
 public:
  using Clock = CaseStore::Clock;
  // Days in the local time zone (Asia/Ho_Chi_Minh: UTC+7, fixed). Clock: now() unless given.
  explicit Statistics(std::shared_ptr<Database> database, Clock clock = {});

  // Adds one to today's row for the event. ValidationFailed naming the bad member.
  Result<void> record(const StatEvent& event);
  // Rows with fromDay <= day <= toDay ("yyyy-mm-dd"), ordered by day, kind, key, outcome.
  // ValidationFailed for a malformed day or fromDay after toDay.
  Result<std::vector<StatRow>> report(std::string fromDay, std::string toDay) const;
  // Header "day,kind,key,outcome,count", CRLF line ends, fields quoted as RFC 4180 requires.
  static std::string toCsv(const std::vector<StatRow>& rows);
  // Sums over all days (day = ""), ordered by kind, key, outcome: for Prometheus counters.
  Result<std::vector<StatRow>> totals() const;

 private:
  std::shared_ptr<Database> database_;
  Clock clock_;
};

}  // namespace onestop::store
