#include "onestop/store/transaction.hpp"

#include <sqlite3.h>

#include <utility>

#include "sqlite_error.hpp"

namespace onestop::store {

Result<Transaction> Transaction::begin(const Connection& connection, Mode mode) {
  const char* sql = mode == Mode::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED";
  const int code = sqlite3_exec(connection.handle(), sql, nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) return sqliteError(connection.handle(), code, "begin transaction");
  return Transaction(connection.handle());
}

Transaction::Transaction(Transaction&& other) noexcept
    : handle_(other.handle_), active_(std::exchange(other.active_, false)) {}

Transaction::~Transaction() {
  rollback();
}

Result<void> Transaction::commit() {
  if (!active_) return Error(Reason::InvalidState, "sqlite: transaction already finished");
  const int code = sqlite3_exec(handle_, "COMMIT", nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) {
    const Error error = sqliteError(handle_, code, "commit");
    rollback();
    return error;
  }
  active_ = false;
  return {};
}

void Transaction::rollback() noexcept {
  if (!active_) return;
  active_ = false;
  // SQLite may already have rolled back on its own (some errors do); then there is nothing to end.
  if (sqlite3_get_autocommit(handle_) == 0) {
    sqlite3_exec(handle_, "ROLLBACK", nullptr, nullptr, nullptr);
  }
}

}  // namespace onestop::store
