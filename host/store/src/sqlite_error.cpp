#include "sqlite_error.hpp"

#include <sqlite3.h>

#include <string>

namespace onestop::store {

Error sqliteError(sqlite3* handle, int code, std::string_view what, std::source_location where) {
  std::string detail = "sqlite: ";
  detail += what;
  detail += ": ";
  // The handle's message describes its latest failure; without a handle only the code is known.
  detail += handle != nullptr ? sqlite3_errmsg(handle) : sqlite3_errstr(code);
  detail += " (" + std::to_string(code) + ")";
  const bool refused = (code & 0xff) == SQLITE_CONSTRAINT;
  return Error(refused ? Reason::InvalidState : Reason::StorageFailed, std::move(detail), where);
}

}  // namespace onestop::store
