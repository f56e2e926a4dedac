#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/common/result.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace onestop::store {

// One prepared SQL statement (RAII over sqlite3_stmt). Parameters are bound by their 1-based
// index (`?1`, `?2` …), always as values, never spliced into the SQL text. A failed bind is kept
// and reported by the next step(), so a chain of binds needs no error check of its own.
// Use it only while the Connection it was prepared on is held.
class Statement {
 public:
  // Exactly one SQL statement; trailing text after it is refused.
  static Result<Statement> prepare(sqlite3* handle, std::string_view sql);

  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bindNull(int index);
  Statement& bindBlob(int index, std::span<const std::uint8_t> bytes);

  // true: a row is ready to read; false: the statement has finished.
  Result<bool> step();
  // Steps to the end, for statements whose rows (if any) are not needed.
  Result<void> run();
  // Makes the statement ready to run again, keeping its bindings.
  Result<void> reset();

  [[nodiscard]] std::string text(int column) const;
  [[nodiscard]] std::int64_t integer(int column) const;
  [[nodiscard]] bool isNull(int column) const;
  [[nodiscard]] std::vector<std::uint8_t> blob(int column) const;

 private:
  Statement(sqlite3* handle, sqlite3_stmt* statement) : handle_(handle), statement_(statement) {}
  void noteBindResult(int code, int index);

  sqlite3* handle_ = nullptr;
  sqlite3_stmt* statement_ = nullptr;
  std::optional<Error> bindError_;
};

}  // namespace onestop::store
