#pragma once

#include <span>
#include <string_view>

#include "onestop/common/result.hpp"
#include "onestop/store/connection.hpp"

namespace onestop::store {

// One step of the schema: applied once, in version order, inside its own transaction.
struct Migration {
  int version;
  std::string_view sql;
};

// The store's schema history. Append new steps; never edit or reorder an applied one.
std::span<const Migration> storeMigrations();

// Applies the steps above the database's recorded version and returns the version it ends at.
// InvalidState when the file was written by a newer build (a version this build does not know).
Result<int> applyMigrations(const Connection& connection, std::span<const Migration> migrations);

}  // namespace onestop::store
