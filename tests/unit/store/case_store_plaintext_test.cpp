// No citizen value reaches the database in clear: not in any column of any table as SQLite
// returns it, and not anywhere in the bytes of the database file or its write-ahead log.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "onestop/store/case_store.hpp"
#include "onestop/store/statistics.hpp"
#include "synthetic_case.hpp"
#include "temp_dir.hpp"

namespace onestop::store {
namespace {

// Values of the synthetic citizen that must never be stored in clear.
const std::vector<std::string> kSecrets = {test::kCitizenName, test::kCitizenIdNumber,
                                           test::kCitizenStreet, "0900000017", "01/02/2003"};

bool contains(const std::string& haystack, const std::string& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
         haystack.end();
}

std::string fileBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  // rdbuf, not istreambuf_iterator: GCC 12 -O2 flags the latter (-Wnull-dereference).
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Every value of every row of every table, as raw bytes, read through a separate handle.
std::vector<std::string> everyStoredValue(const std::filesystem::path& file) {
  sqlite3* handle = nullptr;
  EXPECT_EQ(sqlite3_open_v2(file.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::vector<std::string> tables;
  sqlite3_stmt* list = nullptr;
  sqlite3_prepare_v2(handle, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1, &list,
                     nullptr);
  while (sqlite3_step(list) == SQLITE_ROW) {
    tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(list, 0)));
  }
  sqlite3_finalize(list);
  std::vector<std::string> values;
  for (const std::string& table : tables) {
    sqlite3_stmt* rows = nullptr;
    const std::string sql = "SELECT * FROM \"" + table + "\"";
    EXPECT_EQ(sqlite3_prepare_v2(handle, sql.c_str(), -1, &rows, nullptr), SQLITE_OK);
    while (sqlite3_step(rows) == SQLITE_ROW) {
      for (int column = 0; column < sqlite3_column_count(rows); ++column) {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(rows, column));
        const int size = sqlite3_column_bytes(rows, column);
        values.emplace_back(bytes != nullptr ? std::string(bytes, static_cast<std::size_t>(size))
                                             : std::string());
      }
    }
    sqlite3_finalize(rows);
  }
  sqlite3_close(handle);
  return values;
}

TEST(CaseStorePlaintext, NoCitizenValueInAnyColumnOrFileByte) {
  test::TempDir dir;
  const auto file = dir.file("onestop.db");
  auto opened = Database::open(file);
  ASSERT_TRUE(opened.ok()) << opened.error().detail();
  CaseStore store(*opened, test::testCipher(), "79001");
  Statistics statistics(*opened);

  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    auto created = store.create(test::syntheticCase());
    ASSERT_TRUE(created.ok()) << created.error().detail();
    ids.push_back(created->id);
    ASSERT_TRUE(statistics.record({"case", "thuong-tru", "created"}).ok());
  }
  nlohmann::json form = test::syntheticForm();
  form["household"] = {{"headName", test::kCitizenName}, {"headId", test::kCitizenIdNumber}};
  ASSERT_TRUE(store.update(ids[0], form, nlohmann::json::array({{{"document", "lease"}}})).ok());
  ASSERT_TRUE(store
                  .submit(ids[1], {.kind = "CT04",
                                   .dueDate = "2026-12-02",
                                   .data = {{"applicant", test::kCitizenName},
                                            {"idNumber", test::kCitizenIdNumber}}})
                  .ok());
  // What was written is readable again through the store (the scan below is not vacuous).
  auto back = store.get(ids[1]);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->receipt->data["applicant"], test::kCitizenName);

  const auto values = everyStoredValue(file);
  ASSERT_FALSE(values.empty());
  EXPECT_TRUE(std::any_of(values.begin(), values.end(),
                          [](const std::string& v) { return v == "thuong-tru"; }));
  for (const std::string& value : values) {
    for (const std::string& secret : kSecrets) {
      EXPECT_FALSE(contains(value, secret)) << "a column holds '" << secret << "'";
    }
  }

  const auto wal = std::filesystem::path(file.string() + "-wal");
  const std::string walBefore = fileBytes(wal);
  ASSERT_FALSE(walBefore.empty());
  EXPECT_TRUE(contains(walBefore, "thuong-tru"));  // the log does hold the rows
  {
    const Connection connection = (*opened)->connect();
    ASSERT_TRUE(connection.execute("PRAGMA wal_checkpoint(PASSIVE)").ok());
  }
  const std::string database = fileBytes(file);
  const std::string walAfter = fileBytes(wal);
  EXPECT_TRUE(contains(database, "thuong-tru"));  // the checkpoint reached the main file
  for (const std::string& secret : kSecrets) {
    EXPECT_FALSE(contains(walBefore, secret)) << "the -wal file holds '" << secret << "'";
    EXPECT_FALSE(contains(database, secret)) << "the database file holds '" << secret << "'";
    EXPECT_FALSE(contains(walAfter, secret)) << "the -wal file holds '" << secret << "'";
  }
}

}  // namespace
}  // namespace onestop::store
