// The audit log against someone with write access to the file: SQL refuses changes through the
// triggers, and a change made after dropping them is found by verifyChain, naming the row.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

#include "onestop/store/audit_chain.hpp"
#include "onestop/store/audit_log.hpp"
#include "temp_dir.hpp"

namespace onestop::store {
namespace {

// A plain sqlite3 connection of its own, as an attacker's tool would open the file.
void rawExecute(const std::filesystem::path& file, const std::string& sql) {
  sqlite3* handle = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &handle), SQLITE_OK);
  char* message = nullptr;
  const int code = sqlite3_exec(handle, sql.c_str(), nullptr, nullptr, &message);
  const std::string text = message != nullptr ? message : "";
  sqlite3_free(message);
  sqlite3_close(handle);
  ASSERT_EQ(code, SQLITE_OK) << text;
}

class AuditTamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::open(file);
    ASSERT_TRUE(opened.ok()) << opened.error().detail();
    database = *opened;
    log.emplace(database);
    for (int i = 0; i < 5; ++i) {
      auto entry = log->append({.actor = "https://counter.example",
                                .session = "s-" + std::to_string(i),
                                .method = "card.read",
                                .subject = "reader:simulator/reader-0",
                                .fields = {"DG1", "DG13"},
                                .outcome = "OK"});
      ASSERT_TRUE(entry.ok());
    }
    ASSERT_TRUE(log->verifyChain().ok());
  }

  void expectBrokenAt(int sequence) {
    const auto verdict = log->verifyChain();
    ASSERT_FALSE(verdict.ok());
    EXPECT_EQ(verdict.error().reason(), Reason::ValidationFailed);
    EXPECT_EQ(verdict.error().detail(), "audit chain broken at " + std::to_string(sequence));
  }

  test::TempDir dir;
  std::filesystem::path file = dir.file("onestop.db");
  std::shared_ptr<Database> database;
  std::optional<AuditLog> log;
};

TEST_F(AuditTamperTest, TriggersRefuseUpdateAndDelete) {
  const Connection connection = database->connect();
  const auto update = connection.execute("UPDATE audit_log SET outcome = 'NO_CARD'");
  ASSERT_FALSE(update.ok());
  EXPECT_EQ(update.error().reason(), Reason::InvalidState);
  EXPECT_NE(update.error().detail().find("append-only"), std::string::npos);
  const auto remove = connection.execute("DELETE FROM audit_log WHERE sequence = 5");
  ASSERT_FALSE(remove.ok());
  EXPECT_NE(remove.error().detail().find("append-only"), std::string::npos);
  EXPECT_FALSE(connection.execute("DELETE FROM audit_log").ok());
  // INSERT OR REPLACE deletes the old row without firing the delete trigger; the insert trigger
  // still refuses any row that does not extend the chain.
  const auto replace = connection.execute(
      "INSERT OR REPLACE INTO audit_log SELECT sequence, time, actor, session, method, subject,"
      " 'DG1', outcome, detail, previous_hash, hash FROM audit_log WHERE sequence = 3");
  ASSERT_FALSE(replace.ok());
  EXPECT_NE(replace.error().detail().find("append-only"), std::string::npos);
  const auto forkedChain = connection.execute(
      "INSERT INTO audit_log SELECT 6, time, actor, session, method, subject, fields, outcome,"
      " detail, previous_hash, '" +
      std::string(64, 'f') + "' FROM audit_log WHERE sequence = 5");
  EXPECT_FALSE(forkedChain.ok());  // right sequence, wrong previous hash
}

TEST_F(AuditTamperTest, EditedRowIsNamed) {
  rawExecute(file,
             "DROP TRIGGER audit_log_no_update;"
             "UPDATE audit_log SET outcome = 'NO_CARD' WHERE sequence = 3;");
  expectBrokenAt(3);
}

TEST_F(AuditTamperTest, EditedRowWithRecomputedHashBreaksAtTheNextRow) {
  auto entries = log->query({.newestFirst = false});
  ASSERT_TRUE(entries.ok());
  AuditEntry forged = (*entries)[1];  // sequence 2
  forged.fields = {"DG1"};
  forged.hash = auditEntryHash(forged);
  rawExecute(file,
             "DROP TRIGGER audit_log_no_update;"
             "UPDATE audit_log SET fields = 'DG1', hash = '" +
                 forged.hash + "' WHERE sequence = 2;");
  expectBrokenAt(3);
}

TEST_F(AuditTamperTest, RemovedRowBreaksAtTheRowAfterIt) {
  rawExecute(file,
             "DROP TRIGGER audit_log_no_delete;"
             "DELETE FROM audit_log WHERE sequence = 2;");
  expectBrokenAt(3);
}

TEST_F(AuditTamperTest, RemovedFirstRowIsFound) {
  rawExecute(file,
             "DROP TRIGGER audit_log_no_delete;"
             "DELETE FROM audit_log WHERE sequence = 1;");
  expectBrokenAt(2);
}

TEST_F(AuditTamperTest, EditedTimeIsFound) {
  rawExecute(file,
             "DROP TRIGGER audit_log_no_update;"
             "UPDATE audit_log SET time = '2000-01-01T00:00:00.000Z' WHERE sequence = 5;");
  expectBrokenAt(5);
}

}  // namespace
}  // namespace onestop::store
