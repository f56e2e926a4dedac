#include "onestop/store/statement.hpp"

#include <gtest/gtest.h>

#include <string>

#include "onestop/store/database.hpp"
#include "onestop/store/transaction.hpp"

namespace onestop::store {
namespace {

class StatementTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::openInMemory();
    ASSERT_TRUE(opened.ok());
    database = *opened;
    ASSERT_TRUE(database->connect().execute("CREATE TABLE t (k INTEGER, v TEXT)").ok());
  }
  std::int64_t rows() {
    const Connection connection = database->connect();
    auto count = connection.prepare("SELECT count(*) FROM t");
    EXPECT_TRUE(count.ok() && count->step().ok());
    return count->integer(0);
  }
  std::shared_ptr<Database> database;
};

TEST_F(StatementTest, BindsValuesAndReadsThemBack) {
  const Connection connection = database->connect();
  auto insert = connection.prepare("INSERT INTO t VALUES (?1, ?2)");
  ASSERT_TRUE(insert.ok());
  const std::string withNul("a\0b'); DROP TABLE t; --", 23);
  ASSERT_TRUE(insert->bind(1, std::int64_t{7}).bind(2, withNul).run().ok());
  ASSERT_TRUE(insert->reset().ok());
  ASSERT_TRUE(insert->bind(1, std::int64_t{8}).bindNull(2).run().ok());

  auto select = connection.prepare("SELECT k, v FROM t ORDER BY k");
  ASSERT_TRUE(select.ok());
  auto row = select->step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_EQ(select->integer(0), 7);
  EXPECT_EQ(select->text(1), withNul);  // values are bound, never spliced into SQL
  row = select->step();
  ASSERT_TRUE(row.ok() && *row);
  EXPECT_TRUE(select->isNull(1));
  row = select->step();
  ASSERT_TRUE(row.ok());
  EXPECT_FALSE(*row);
}

TEST_F(StatementTest, ABadBindIsReportedByStep) {
  const Connection connection = database->connect();
  auto insert = connection.prepare("INSERT INTO t VALUES (?1, ?2)");
  ASSERT_TRUE(insert.ok());
  const auto result = insert->bind(3, "no such parameter").run();
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().detail().find("bind parameter 3"), std::string::npos);
}

TEST_F(StatementTest, RefusesBadSqlAndSeveralStatements) {
  const Connection connection = database->connect();
  EXPECT_EQ(connection.prepare("SELEC 1").error().reason(), Reason::StorageFailed);
  EXPECT_FALSE(connection.prepare("SELECT 1; DELETE FROM t").ok());
  EXPECT_TRUE(connection.prepare("SELECT 1;  ").ok());
}

TEST_F(StatementTest, TransactionRollsBackUnlessCommitted) {
  {
    const Connection connection = database->connect();
    auto transaction = Transaction::begin(connection);
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE(connection.execute("INSERT INTO t VALUES (1, 'dropped')").ok());
  }
  EXPECT_EQ(rows(), 0);
  {
    const Connection connection = database->connect();
    auto transaction = Transaction::begin(connection);
    ASSERT_TRUE(transaction.ok());
    ASSERT_TRUE(connection.execute("INSERT INTO t VALUES (1, 'kept')").ok());
    ASSERT_TRUE(transaction->commit().ok());
    EXPECT_FALSE(transaction->commit().ok());  // only once
  }
  EXPECT_EQ(rows(), 1);
}

}  // namespace
}  // namespace onestop::store
