#include "migrations.hpp"

#include <string>

#include "onestop/store/transaction.hpp"

namespace onestop::store {

namespace {

// Version 1: the audit log. `sequence` is assigned by the appender (last + 1) inside an
// IMMEDIATE transaction; `fields` holds the field names joined by ',' (names are identifiers,
// so the join is reversible). The triggers make the table append-only for every SQL client:
// no UPDATE, no DELETE, and an INSERT must extend the chain (which also stops INSERT OR REPLACE,
// whose implicit delete fires no delete trigger).
constexpr std::string_view kAuditLogSchema = R"sql(
CREATE TABLE audit_log (
  sequence      INTEGER PRIMARY KEY CHECK (sequence >= 1),
  time          TEXT NOT NULL,
  actor         TEXT NOT NULL,
  session       TEXT NOT NULL,
  method        TEXT NOT NULL,
  subject       TEXT NOT NULL,
  fields        TEXT NOT NULL,
  outcome       TEXT NOT NULL,
  detail        TEXT NOT NULL,
  previous_hash TEXT NOT NULL CHECK (length(previous_hash) = 64),
  hash          TEXT NOT NULL UNIQUE CHECK (length(hash) = 64)
) STRICT;
CREATE INDEX audit_log_by_time ON audit_log (time);
CREATE INDEX audit_log_by_method ON audit_log (method, time);
CREATE INDEX audit_log_by_actor ON audit_log (actor, time);
CREATE TRIGGER audit_log_append_only_insert BEFORE INSERT ON audit_log
WHEN NEW.sequence IS NOT (SELECT coalesce(max(sequence), 0) + 1 FROM audit_log)
  OR NEW.previous_hash IS NOT coalesce(
       (SELECT hash FROM audit_log ORDER BY sequence DESC LIMIT 1),
       '0000000000000000000000000000000000000000000000000000000000000000')
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: a new row must extend the chain');
END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
)sql";

// Version 2: cases, their intake receipts, the counters that number them, and the unit's daily
// statistics. Columns holding citizen data (cases.form, cases.card, receipts.data) are BLOBs
// sealed by PiiCipher; citizen_index is a keyed HMAC of the ID number (a blind index), never the
// number. Receipt numbers and case ids come from `counters`, not from max() over the rows, so a
// purge never makes a number come round again. stats_daily holds counts only (no citizen data)
// and is never purged. Few indexes on purpose: each one is another page written per commit, and
// a listing (newest first, LIMIT ≤ 1000) walks cases_by_created over a retention-bounded table.
constexpr std::string_view kCasesSchema = R"sql(
CREATE TABLE cases (
  id                TEXT PRIMARY KEY,
  procedure         TEXT NOT NULL,
  procedure_version TEXT NOT NULL,
  status            TEXT NOT NULL
                    CHECK (status IN ('draft', 'submitted', 'returned', 'refused')),
  revision          INTEGER NOT NULL CHECK (revision >= 1),
  form              BLOB NOT NULL,
  card              BLOB,
  citizen_index     TEXT CHECK (citizen_index IS NULL OR length(citizen_index) = 64),
  attachments       TEXT NOT NULL,
  operator          TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX cases_by_created ON cases (created_at);
CREATE INDEX cases_by_citizen ON cases (citizen_index) WHERE citizen_index IS NOT NULL;
CREATE TABLE receipts (
  case_id   TEXT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('CT04', 'CT05', 'CT06')),
  number    TEXT NOT NULL,
  year      INTEGER NOT NULL,
  sequence  INTEGER NOT NULL CHECK (sequence >= 1),
  file_code TEXT NOT NULL UNIQUE,
  issued_at TEXT NOT NULL,
  due_date  TEXT NOT NULL,
  data      BLOB NOT NULL,
  UNIQUE (kind, year, sequence)
) STRICT;
CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL CHECK (value >= 0)
) STRICT, WITHOUT ROWID;
CREATE TABLE stats_daily (
  day     TEXT NOT NULL,
  kind    TEXT NOT NULL,
  key     TEXT NOT NULL,
  outcome TEXT NOT NULL,
  count   INTEGER NOT NULL CHECK (count >= 0),
  PRIMARY KEY (day, kind, key, outcome)
) STRICT, WITHOUT ROWID;
)sql";

constexpr Migration kMigrations[] = {
    {1, kAuditLogSchema},
    {2, kCasesSchema},
};

Result<int> recordedVersion(const Connection& connection) {
  if (auto created =
          connection.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                             " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL) STRICT");
      !created) {
    return created.error();
  }
  auto statement = connection.prepare("SELECT coalesce(max(version), 0) FROM schema_version");
  if (!statement) return statement.error();
  auto row = statement->step();
  if (!row) return row.error();
  return static_cast<int>(statement->integer(0));
}

Result<void> applyOne(const Connection& connection, const Migration& migration) {
  auto transaction = Transaction::begin(connection, Transaction::Mode::Immediate);
  if (!transaction) return transaction.error();
  // Another process may have applied it between our read and the write lock.
  auto current = recordedVersion(connection);
  if (!current) return current.error();
  if (*current >= migration.version) return {};
  if (auto applied = connection.execute(migration.sql); !applied) return applied.error();
  auto record = connection.prepare(
      "INSERT INTO schema_version (version, applied_at)"
      " VALUES (?1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
  if (!record) return record.error();
  if (auto inserted = record->bind(1, std::int64_t{migration.version}).run(); !inserted) {
    return inserted.error();
  }
  return transaction->commit();
}

}  // namespace

std::span<const Migration> storeMigrations() {
  return kMigrations;
}

Result<int> applyMigrations(const Connection& connection, std::span<const Migration> migrations) {
  auto current = recordedVersion(connection);
  if (!current) return current.error();
  const int known = migrations.empty() ? 0 : migrations.back().version;
  if (*current > known) {
    return Error(Reason::InvalidState, "database schema version " + std::to_string(*current) +
                                           " is newer than this build's " + std::to_string(known));
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= *current) continue;
    if (auto applied = applyOne(connection, migration); !applied) {
      return Error(applied.error().reason(), "schema migration " +
                                                 std::to_string(migration.version) + ": " +
                                                 applied.error().detail());
    }
  }
  return known;
}

}  // namespace onestop::store
