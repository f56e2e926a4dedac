// Upgrading a database written by a build that knew only the audit log (schema version 1): the
// new tables appear, the audit rows stay as they were and their chain still verifies and extends.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <mutex>
#include <string>

#include "migrations.hpp"
#include "onestop/store/audit_chain.hpp"
#include "onestop/store/audit_log.hpp"
#include "onestop/store/case_store.hpp"
#include "onestop/store/statistics.hpp"
#include "synthetic_case.hpp"
#include "temp_dir.hpp"

namespace onestop::store {
namespace {

std::string single(Database& database, const std::string& sql) {
  const Connection connection = database.connect();
  auto statement = connection.prepare(sql);
  EXPECT_TRUE(statement.ok()) << sql;
  if (!statement) return {};
  auto row = statement->step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return statement->text(0);
}

// A version-1 file with `count` chained audit rows, written without the current Database.
void writeVersionOneDatabase(const std::filesystem::path& file, int count) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &handle), SQLITE_OK);
  std::mutex mutex;
  {
    const Connection connection(handle, std::unique_lock(mutex));
    ASSERT_TRUE(connection.execute("PRAGMA journal_mode = WAL").ok());
    auto version = applyMigrations(connection, storeMigrations().first(1));
    ASSERT_TRUE(version.ok()) << version.error().detail();
    ASSERT_EQ(*version, 1);
    std::string previous(kAuditGenesisHash);
    for (int i = 1; i <= count; ++i) {
      AuditEntry entry;
      entry.sequence = i;
      entry.time = "2026-06-0" + std::to_string(i) + "T08:00:00.000Z";
      entry.actor = "https://counter.example";
      entry.session = "s-" + std::to_string(i);
      entry.method = "card.read";
      entry.subject = "reader:simulator/reader-0";
      entry.fields = {"DG1", "DG13"};
      entry.outcome = "OK";
      entry.previousHash = previous;
      entry.hash = auditEntryHash(entry);
      previous = entry.hash;
      auto insert = connection.prepare(
          "INSERT INTO audit_log VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'DG1,DG13', ?7, '', ?8, ?9)");
      ASSERT_TRUE(insert.ok());
      ASSERT_TRUE(insert->bind(1, entry.sequence)
                      .bind(2, entry.time)
                      .bind(3, entry.actor)
                      .bind(4, entry.session)
                      .bind(5, entry.method)
                      .bind(6, entry.subject)
                      .bind(7, entry.outcome)
                      .bind(8, entry.previousHash)
                      .bind(9, entry.hash)
                      .run()
                      .ok());
    }
  }
  ASSERT_EQ(sqlite3_close(handle), SQLITE_OK);
}

TEST(StoreMigration, VersionOneWithAuditRowsUpgradesToTheLatest) {
  test::TempDir dir;
  const auto file = dir.file("onestop.db");
  writeVersionOneDatabase(file, 5);

  auto opened = Database::open(file);
  ASSERT_TRUE(opened.ok()) << opened.error().detail();
  Database& database = **opened;
  EXPECT_EQ(database.schemaVersion(), storeMigrations().back().version);
  EXPECT_GE(database.schemaVersion(), 2);
  EXPECT_EQ(single(database, "SELECT group_concat(version) FROM schema_version ORDER BY version"),
            "1,2");
  for (const char* table : {"cases", "receipts", "counters", "stats_daily"}) {
    EXPECT_EQ(single(database, std::string("SELECT count(*) FROM sqlite_schema WHERE type ="
                                           " 'table' AND name = '") +
                                   table + "'"),
              "1")
        << table;
  }
  EXPECT_EQ(single(database, "PRAGMA integrity_check"), "ok");
  {
    const Connection connection = database.connect();
    auto violations = connection.prepare("PRAGMA foreign_key_check");
    ASSERT_TRUE(violations.ok());
    auto row = violations->step();
    ASSERT_TRUE(row.ok());
    EXPECT_FALSE(*row);
  }

  AuditLog audit(*opened);
  ASSERT_TRUE(audit.verifyChain().ok());
  auto old = audit.query({.newestFirst = false});
  ASSERT_TRUE(old.ok());
  ASSERT_EQ(old->size(), 5u);
  EXPECT_EQ((*old)[0].session, "s-1");
  EXPECT_EQ((*old)[4].time, "2026-06-05T08:00:00.000Z");
  auto appended = audit.append({.actor = "token", .method = "cases.create", .outcome = "OK"});
  ASSERT_TRUE(appended.ok()) << appended.error().detail();
  EXPECT_EQ(appended->sequence, 6);
  EXPECT_EQ(appended->previousHash, (*old)[4].hash);
  EXPECT_TRUE(audit.verifyChain().ok());
  // The triggers of version 1 still guard the upgraded table.
  EXPECT_FALSE(database.connect().execute("DELETE FROM audit_log").ok());

  // The new tables work.
  CaseStore store(*opened, test::testCipher());
  auto created = store.create(test::syntheticCase());
  ASSERT_TRUE(created.ok()) << created.error().detail();
  EXPECT_TRUE(store.get(created->id).ok());
  EXPECT_TRUE(Statistics(*opened).record({"case", "thuong-tru", "created"}).ok());
}

TEST(StoreMigration, UpgradedFileReopensWithoutReapplying) {
  test::TempDir dir;
  const auto file = dir.file("onestop.db");
  writeVersionOneDatabase(file, 2);
  { ASSERT_TRUE(Database::open(file).ok()); }
  auto reopened = Database::open(file);
  ASSERT_TRUE(reopened.ok()) << reopened.error().detail();
  EXPECT_EQ(single(**reopened, "SELECT count(*) FROM schema_version"), "2");
  EXPECT_TRUE(AuditLog(*reopened).verifyChain().ok());
}

}  // namespace
}  // namespace onestop::store
