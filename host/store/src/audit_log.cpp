#include "onestop/store/audit_log.hpp"

#include <string>
#include <utility>

#include "onestop/store/audit_chain.hpp"
#include "onestop/store/transaction.hpp"
#include "utc_time.hpp"

namespace onestop::store {

namespace {

constexpr std::string_view kColumns =
    "sequence, time, actor, session, method, subject, fields, outcome, detail, previous_hash, hash";

// Field names are identifiers (no ','), so joining them is reversible; no names is "".
std::string joinFields(const std::vector<std::string>& fields) {
  std::string joined;
  for (const std::string& field : fields) {
    if (!joined.empty()) joined.push_back(',');
    joined += field;
  }
  return joined;
}

std::vector<std::string> splitFields(std::string_view joined) {
  std::vector<std::string> fields;
  if (joined.empty()) return fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = joined.find(',', start);
    fields.emplace_back(joined.substr(start, comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return fields;
}

// Reads a row selected with kColumns.
AuditEntry readEntry(const Statement& row) {
  AuditEntry entry;
  entry.sequence = row.integer(0);
  entry.time = row.text(1);
  entry.actor = row.text(2);
  entry.session = row.text(3);
  entry.method = row.text(4);
  entry.subject = row.text(5);
  entry.fields = splitFields(row.text(6));
  entry.outcome = row.text(7);
  entry.detail = row.text(8);
  entry.previousHash = row.text(9);
  entry.hash = row.text(10);
  return entry;
}

Result<void> checkTimeBound(std::string_view name, const std::optional<std::string>& bound) {
  if (!bound) return {};
  if (bound->empty() || bound->size() > 40 ||
      bound->find_first_not_of("0123456789-T:.Z") != std::string::npos) {
    return Error(Reason::ValidationFailed,
                 "audit query: " + std::string(name) + " is not an RFC 3339 UTC time");
  }
  return {};
}

}  // namespace

AuditLog::AuditLog(std::shared_ptr<Database> database)
    : AuditLog(std::move(database), [] { return std::chrono::system_clock::now(); }) {}

AuditLog::AuditLog(std::shared_ptr<Database> database, Clock clock)
    : database_(std::move(database)), clock_(std::move(clock)) {}

Result<AuditEntry> AuditLog::append(const AuditRecord& record) {
  if (auto valid = validateAuditRecord(record); !valid) return valid.error();
  AuditEntry entry;
  static_cast<AuditRecord&>(entry) = record;

  const Connection connection = database_->connect();
  // IMMEDIATE: the last hash we chain to cannot change before our insert commits, even when
  // another process writes to the same file.
  auto transaction = Transaction::begin(connection, Transaction::Mode::Immediate);
  if (!transaction) return transaction.error();

  auto last =
      connection.prepare("SELECT sequence, hash FROM audit_log ORDER BY sequence DESC LIMIT 1");
  if (!last) return last.error();
  auto hasLast = last->step();
  if (!hasLast) return hasLast.error();
  entry.sequence = *hasLast ? last->integer(0) + 1 : 1;
  entry.previousHash = *hasLast ? last->text(1) : std::string(kAuditGenesisHash);
  entry.time = formatUtcMillis(clock_());
  entry.hash = auditEntryHash(entry);

  auto insert = connection.prepare("INSERT INTO audit_log (" + std::string(kColumns) +
                                   ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  if (!insert) return insert.error();
  insert->bind(1, entry.sequence)
      .bind(2, entry.time)
      .bind(3, entry.actor)
      .bind(4, entry.session)
      .bind(5, entry.method)
      .bind(6, entry.subject)
      .bind(7, joinFields(entry.fields))
      .bind(8, entry.outcome)
      .bind(9, entry.detail)
      .bind(10, entry.previousHash)
      .bind(11, entry.hash);
  if (auto inserted = insert->run(); !inserted) return inserted.error();
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return entry;
}

Result<std::vector<AuditEntry>> AuditLog::query(const Query& query) const {
  if (query.limit == 0 || query.limit > kMaxQueryLimit) {
    return Error(Reason::ValidationFailed,
                 "audit query: limit must be 1 to " + std::to_string(kMaxQueryLimit));
  }
  if (auto ok = checkTimeBound("since", query.since); !ok) return ok.error();
  if (auto ok = checkTimeBound("until", query.until); !ok) return ok.error();

  // Only the presence of each filter shapes the SQL; every value is bound.
  std::string sql = "SELECT " + std::string(kColumns) + " FROM audit_log WHERE 1";
  std::vector<std::string> values;
  const auto filter = [&](const std::optional<std::string>& value, std::string_view condition) {
    if (!value) return;
    values.push_back(*value);
    sql += " AND ";
    sql += condition;
    sql += " ?" + std::to_string(values.size());
  };
  filter(query.method, "method =");
  filter(query.actor, "actor =");
  filter(query.since, "time >=");
  filter(query.until, "time <");
  sql += query.newestFirst ? " ORDER BY sequence DESC" : " ORDER BY sequence ASC";
  sql += " LIMIT ?" + std::to_string(values.size() + 1);

  const Connection connection = database_->connect();
  auto statement = connection.prepare(sql);
  if (!statement) return statement.error();
  for (std::size_t i = 0; i < values.size(); ++i) {
    statement->bind(static_cast<int>(i + 1), values[i]);
  }
  statement->bind(static_cast<int>(values.size() + 1), static_cast<std::int64_t>(query.limit));

  std::vector<AuditEntry> entries;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    entries.push_back(readEntry(*statement));
  }
  return entries;
}

Result<void> AuditLog::verifyChain() const {
  const Connection connection = database_->connect();
  // One read transaction: a consistent snapshot even while another process appends.
  auto transaction = Transaction::begin(connection, Transaction::Mode::Deferred);
  if (!transaction) return transaction.error();
  auto statement = connection.prepare("SELECT " + std::string(kColumns) +
                                      " FROM audit_log ORDER BY sequence ASC");
  if (!statement) return statement.error();

  std::int64_t expectedSequence = 1;
  std::string expectedPrevious(kAuditGenesisHash);
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    const AuditEntry entry = readEntry(*statement);
    // A gap (a removed row) breaks at the row after it; an edited row at itself.
    if (entry.sequence != expectedSequence || entry.previousHash != expectedPrevious ||
        auditEntryHash(entry) != entry.hash) {
      return Error(Reason::ValidationFailed,
                   "audit chain broken at " + std::to_string(entry.sequence));
    }
    expectedPrevious = entry.hash;
    ++expectedSequence;
  }
  return transaction->commit();
}

}  // namespace onestop::store
