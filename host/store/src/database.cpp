#include "onestop/store/database.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include "migrations.hpp"
#include "sqlite_error.hpp"

namespace onestop::store {

namespace {

// Creates the file 0600 ourselves when it is missing: SQLite would create it with 0644 & ~umask,
// and the -wal/-shm files copy the main file's mode.
Result<void> createPrivateFile(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd >= 0) {
    ::close(fd);
    return {};
  }
  if (errno == EEXIST) return {};
  return Error(Reason::StorageFailed,
               "cannot create database file " + file.string() + ": " + std::strerror(errno));
}

Result<std::string> pragmaText(const Connection& connection, std::string_view sql) {
  auto statement = connection.prepare(sql);
  if (!statement) return statement.error();
  auto row = statement->step();
  if (!row) return row.error();
  return *row ? statement->text(0) : std::string();
}

// WAL: readers do not block the writer and a crash never tears a committed transaction.
// synchronous=NORMAL: in WAL mode durable across process crashes, fsync only at checkpoints.
Result<void> configure(const Connection& connection, bool inMemory) {
  sqlite3_extended_result_codes(connection.handle(), 1);
  sqlite3_busy_timeout(connection.handle(), Database::kBusyTimeoutMs);
  auto journal = pragmaText(connection, "PRAGMA journal_mode = WAL");
  if (!journal) return journal.error();
  if (!inMemory && *journal != "wal") {
    return Error(Reason::StorageFailed,
                 "sqlite: journal_mode WAL refused (got '" + *journal + "')");
  }
  return connection.execute(
      "PRAGMA synchronous = NORMAL;"
      "PRAGMA foreign_keys = ON;"
      "PRAGMA trusted_schema = OFF;");
}

}  // namespace

Result<std::shared_ptr<Database>> Database::open(const std::filesystem::path& file) {
  if (file.empty()) return Error(Reason::ValidationFailed, "database file name is empty");
  if (auto created = createPrivateFile(file); !created) return created.error();
  return openAt(file.string(), file, false);
}

Result<std::shared_ptr<Database>> Database::openInMemory() {
  return openAt(":memory:", {}, true);
}

Result<std::shared_ptr<Database>> Database::openAt(const std::string& location,
                                                   std::filesystem::path file, bool inMemory) {
  sqlite3* handle = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX |
                    SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_EXRESCODE;
  const int code = sqlite3_open_v2(location.c_str(), &handle, flags, nullptr);
  if (code != SQLITE_OK) {
    Error error = sqliteError(handle, code, "open " + location);
    sqlite3_close_v2(handle);  // SQLite returns a handle even on most failures
    return error;
  }
  // From here the Database owns the handle and closes it on every return.
  std::shared_ptr<Database> database(new Database(handle, std::move(file)));
  auto connection = database->connect();
  if (auto configured = configure(connection, inMemory); !configured) return configured.error();
  auto version = applyMigrations(connection, storeMigrations());
  if (!version) return version.error();
  database->schemaVersion_ = *version;
  return database;
}

Database::~Database() {
  sqlite3_close_v2(handle_);
}

Connection Database::connect() {
  return Connection(handle_, std::unique_lock(mutex_));
}

}  // namespace onestop::store
