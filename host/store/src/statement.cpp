#include "onestop/store/statement.hpp"

#include <sqlite3.h>

#include <string>
#include <utility>

#include "sqlite_error.hpp"

namespace onestop::store {

Result<Statement> Statement::prepare(sqlite3* handle, std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  const char* tail = nullptr;
  const int code =
      sqlite3_prepare_v3(handle, sql.data(), static_cast<int>(sql.size()), 0, &statement, &tail);
  if (code != SQLITE_OK) return sqliteError(handle, code, "prepare");
  Statement prepared(handle, statement);
  if (statement == nullptr) return Error(Reason::Internal, "sqlite: prepare: no SQL statement");
  // Only whitespace may follow: a second statement would be silently ignored otherwise.
  const std::string_view rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
  if (rest.find_first_not_of(" \t\r\n;") != std::string_view::npos) {
    return Error(Reason::Internal, "sqlite: prepare: more than one SQL statement");
  }
  return prepared;
}

Statement::Statement(Statement&& other) noexcept
    : handle_(other.handle_),
      statement_(std::exchange(other.statement_, nullptr)),
      bindError_(std::move(other.bindError_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(statement_);
    handle_ = other.handle_;
    statement_ = std::exchange(other.statement_, nullptr);
    bindError_ = std::move(other.bindError_);
  }
  return *this;
}

Statement::~Statement() {
  sqlite3_finalize(statement_);  // a no-op for nullptr
}

void Statement::noteBindResult(int code, int index) {
  if (code != SQLITE_OK && !bindError_) {
    bindError_ = sqliteError(handle_, code, "bind parameter " + std::to_string(index));
  }
}

Statement& Statement::bind(int index, std::string_view text) {
  noteBindResult(sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                     SQLITE_UTF8),
                 index);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  noteBindResult(sqlite3_bind_int64(statement_, index, value), index);
  return *this;
}

Statement& Statement::bindNull(int index) {
  noteBindResult(sqlite3_bind_null(statement_, index), index);
  return *this;
}

Statement& Statement::bindBlob(int index, std::span<const std::uint8_t> bytes) {
  // A zero-length blob is bound as one, not as NULL (a null data pointer would mean NULL).
  static constexpr std::uint8_t kEmpty = 0;
  noteBindResult(sqlite3_bind_blob64(statement_, index, bytes.empty() ? &kEmpty : bytes.data(),
                                     bytes.size(), SQLITE_TRANSIENT),
                 index);
  return *this;
}

Result<bool> Statement::step() {
  if (bindError_) return *bindError_;
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  return sqliteError(handle_, code, "step");
}

Result<void> Statement::run() {
  for (;;) {
    auto row = step();
    if (!row) return row.error();
    if (!*row) return {};
  }
}

Result<void> Statement::reset() {
  const int code = sqlite3_reset(statement_);
  if (code != SQLITE_OK) return sqliteError(handle_, code, "reset");
  return {};
}

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  const int size = sqlite3_column_bytes(statement_, column);  // after _text, as SQLite requires
  if (bytes == nullptr) return {};
  return {reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size)};
}

std::int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(statement_, column);
}

std::vector<std::uint8_t> Statement::blob(int column) const {
  const auto* bytes = static_cast<const std::uint8_t*>(sqlite3_column_blob(statement_, column));
  const int size = sqlite3_column_bytes(statement_, column);  // after _blob, as SQLite requires
  if (bytes == nullptr) return {};
  return {bytes, bytes + size};
}

bool Statement::isNull(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

}  // namespace onestop::store
