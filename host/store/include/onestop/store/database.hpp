#pragma once

#include <filesystem>
#include <memory>
#include <mutex>

#include "onestop/common/result.hpp"
#include "onestop/store/connection.hpp"

struct sqlite3;

namespace onestop::store {

// The daemon's one SQLite database file: WAL journal with synchronous=NORMAL (a committed
// transaction survives a process crash; a power cut may lose the last ones but never corrupts),
// foreign keys on, a busy timeout, and the store's schema migrations applied in order and
// recorded in `schema_version`. A new file is created 0600 (SQLite gives its -wal and -shm
// files the same mode). One handle, used by one thread at a time through connect().
class Database {
 public:
  static Result<std::shared_ptr<Database>> open(const std::filesystem::path& file);
  // A private database that lives as long as the object (tests, ephemeral use).
  static Result<std::shared_ptr<Database>> openInMemory();

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Waits until no other thread uses the handle, then holds it until the Connection is gone.
  [[nodiscard]] Connection connect();
  // The highest migration applied (the store's latest after a successful open).
  [[nodiscard]] int schemaVersion() const { return schemaVersion_; }
  // Empty for an in-memory database.
  [[nodiscard]] const std::filesystem::path& file() const { return file_; }

  // How long a statement waits for another process's lock before failing.
  static constexpr int kBusyTimeoutMs = 5000;

 private:
  Database(sqlite3* handle, std::filesystem::path file) : handle_(handle), file_(std::move(file)) {}
  static Result<std::shared_ptr<Database>> openAt(const std::string& location,
                                                  std::filesystem::path file, bool inMemory);

  sqlite3* handle_;
  std::filesystem::path file_;
  std::mutex mutex_;
  int schemaVersion_ = 0;
};

}  // namespace onestop::store
