#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/store/audit_record.hpp"
#include "onestop/store/database.hpp"

namespace onestop::store {

// The append-only, hash-chained audit log (table `audit_log`). Each entry's hash covers all of
// its columns and the previous entry's hash, so changing, removing or reordering a stored row
// breaks the chain from that row on; SQL triggers refuse UPDATE and DELETE outright.
// Thread-safe: appends are serialised on the database handle and in an IMMEDIATE transaction.
class AuditLog {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  explicit AuditLog(std::shared_ptr<Database> database);
  // With a clock of the caller's (tests).
  AuditLog(std::shared_ptr<Database> database, Clock clock);

  // ValidationFailed for a record over the caps (audit_record.hpp); IoError when SQLite fails.
  Result<AuditEntry> append(const AuditRecord& record);

  struct Query {
    std::optional<std::string> method{};  // exact match
    std::optional<std::string> actor{};   // exact match
    // Compared with `time` as text, so a prefix of the stored format works too:
    // since "2025-01-02" (inclusive) … until "2025-01-03" (exclusive).
    std::optional<std::string> since{};
    std::optional<std::string> until{};
    std::size_t limit = 100;  // 1 … kMaxQueryLimit
    bool newestFirst = true;
  };
  static constexpr std::size_t kMaxQueryLimit = 10000;

  Result<std::vector<AuditEntry>> query(const Query& query) const;

  // Recomputes the chain from the first row: ok, or ValidationFailed "audit chain broken at N"
  // with N the sequence number of the first row that does not follow from the ones before it.
  // (Removing the newest rows leaves a valid shorter chain; anchoring the last hash elsewhere is
  // what detects that.)
  Result<void> verifyChain() const;

 private:
  std::shared_ptr<Database> database_;
  Clock clock_;
};

}  // namespace onestop::store
