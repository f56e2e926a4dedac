#include "onestop/store/database.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <fstream>
#include <string>

#include "onestop/store/audit_log.hpp"
#include "temp_dir.hpp"

namespace onestop::store {
namespace {

std::string pragma(Database& database, const char* sql) {
  const Connection connection = database.connect();
  auto statement = connection.prepare(sql);
  EXPECT_TRUE(statement.ok());
  auto row = statement->step();
  EXPECT_TRUE(row.ok() && *row);
  return statement->text(0);
}

mode_t permissions(const std::filesystem::path& file) {
  struct stat info {};
  EXPECT_EQ(::stat(file.c_str(), &info), 0) << file;
  return info.st_mode & 0777;
}

TEST(Database, NewFileIsPrivateAndUsesWal) {
  test::TempDir dir;
  const auto file = dir.file("onestop.db");
  auto database = Database::open(file);
  ASSERT_TRUE(database.ok()) << database.error().detail();
  EXPECT_EQ(permissions(file), 0600u);
  EXPECT_EQ(pragma(**database, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(pragma(**database, "PRAGMA synchronous"), "1");  // NORMAL
  EXPECT_EQ(pragma(**database, "PRAGMA foreign_keys"), "1");
  EXPECT_EQ(pragma(**database, "PRAGMA busy_timeout"), std::to_string(Database::kBusyTimeoutMs));
  EXPECT_EQ((*database)->file(), file);

  // The write-ahead log and its index get the database file's mode.
  AuditLog log(*database);
  ASSERT_TRUE(log.append({.actor = "token", .method = "card.read", .outcome = "OK"}).ok());
  EXPECT_EQ(permissions(file.string() + "-wal"), 0600u);
  EXPECT_EQ(permissions(file.string() + "-shm"), 0600u);
}

TEST(Database, MigrationsAreRecordedAndAppliedOnce) {
  test::TempDir dir;
  const auto file = dir.file("onestop.db");
  {
    auto database = Database::open(file);
    ASSERT_TRUE(database.ok()) << database.error().detail();
    EXPECT_GE((*database)->schemaVersion(), 1);
    EXPECT_EQ(pragma(**database, "SELECT count(*) FROM schema_version"),
              std::to_string((*database)->schemaVersion()));
  }
  auto reopened = Database::open(file);
  ASSERT_TRUE(reopened.ok()) << reopened.error().detail();
  EXPECT_EQ(pragma(**reopened, "SELECT count(*) FROM schema_version"),
            std::to_string((*reopened)->schemaVersion()));
  EXPECT_EQ(pragma(**reopened, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit_log'"), "1");
}

TEST(Database, RefusesAFileFromANewerBuild) {
  test::TempDir dir;
  const auto file = dir.file("onestop.db");
  {
    auto database = Database::open(file);
    ASSERT_TRUE(database.ok());
    const Connection connection = (*database)->connect();
    ASSERT_TRUE(
        connection.execute("INSERT INTO schema_version VALUES (9999, '2030-01-01T00:00:00Z')")
            .ok());
  }
  auto reopened = Database::open(file);
  ASSERT_FALSE(reopened.ok());
  EXPECT_EQ(reopened.error().reason(), Reason::InvalidState);
  EXPECT_NE(reopened.error().detail().find("9999"), std::string::npos);
}

TEST(Database, ReportsAFileThatIsNotADatabase) {
  test::TempDir dir;
  const auto file = dir.file("not-a-database");
  std::ofstream(file)
      << "this is plain text, certainly not an SQLite header, padded out to be long "
         "enough for SQLite to read a page header from it at all.";
  auto database = Database::open(file);
  ASSERT_FALSE(database.ok());
  EXPECT_EQ(database.error().reason(), Reason::StorageFailed);
}

TEST(Database, ReportsAMissingDirectory) {
  test::TempDir dir;
  auto database = Database::open(dir.path() / "missing" / "onestop.db");
  ASSERT_FALSE(database.ok());
  EXPECT_EQ(database.error().reason(), Reason::StorageFailed);
  EXPECT_FALSE(Database::open("").ok());
}

TEST(Database, InMemoryDatabasesAreSeparate) {
  auto first = Database::openInMemory();
  auto second = Database::openInMemory();
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_TRUE((*first)->file().empty());
  AuditLog log(*first);
  ASSERT_TRUE(log.append({.actor = "token", .method = "card.read", .outcome = "OK"}).ok());
  EXPECT_EQ(pragma(**first, "SELECT count(*) FROM audit_log"), "1");
  EXPECT_EQ(pragma(**second, "SELECT count(*) FROM audit_log"), "0");
}

}  // namespace
}  // namespace onestop::store
