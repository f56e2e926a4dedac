#pragma once

#include <mutex>
#include <string_view>
#include <utility>

#include "onestop/common/result.hpp"
#include "onestop/store/statement.hpp"

struct sqlite3;

namespace onestop::store {

// Exclusive use of the database's single SQLite handle for as long as this object lives: every
// statement and transaction of one unit of work runs under it, so work from several threads is
// serialised instead of interleaving inside one another's transactions.
class Connection {
 public:
  Connection(sqlite3* handle, std::unique_lock<std::mutex> lock)
      : handle_(handle), lock_(std::move(lock)) {}

  [[nodiscard]] sqlite3* handle() const { return handle_; }
  [[nodiscard]] Result<Statement> prepare(std::string_view sql) const;
  // Runs SQL text that may hold several statements and takes no parameters (DDL, PRAGMAs).
  [[nodiscard]] Result<void> execute(std::string_view sql) const;

 private:
  sqlite3* handle_;
  std::unique_lock<std::mutex> lock_;
};

}  // namespace onestop::store
