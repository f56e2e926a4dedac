#pragma once

#include "onestop/common/result.hpp"
#include "onestop/store/connection.hpp"

struct sqlite3;

namespace onestop::store {

// A SQL transaction that rolls back unless commit() succeeded (RAII over BEGIN/COMMIT/ROLLBACK).
class Transaction {
 public:
  // Immediate takes the write lock at BEGIN, so a read-then-write (the audit chain's "last hash,
  // then insert") cannot race another connection to the same file; Deferred is for reads.
  enum class Mode { Deferred, Immediate };

  static Result<Transaction> begin(const Connection& connection, Mode mode = Mode::Immediate);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Result<void> commit();

 private:
  explicit Transaction(sqlite3* handle) : handle_(handle) {}
  void rollback() noexcept;

  sqlite3* handle_;
  bool active_ = true;
};

}  // namespace onestop::store
