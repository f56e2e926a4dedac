#pragma once

#include <source_location>
#include <string_view>

#include "onestop/common/error.hpp"

struct sqlite3;

namespace onestop::store {

// An Error for a failed SQLite call: what was attempted, SQLite's message and code. SQLite's
// messages name tables, columns and constraints, never bound values, so no citizen data leaks.
// A refused constraint (the append-only triggers among them) is InvalidState; everything else a
// store I/O failure (Reason::StorageFailed).
Error sqliteError(sqlite3* handle, int code, std::string_view what,
                  std::source_location where = std::source_location::current());

}  // namespace onestop::store
