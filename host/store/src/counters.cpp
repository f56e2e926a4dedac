#include "counters.hpp"

namespace onestop::store {

Result<std::int64_t> nextCounterValue(const Connection& connection, std::string_view name) {
  auto statement = connection.prepare(
      "INSERT INTO counters (name, value) VALUES (?1, 1)"
      " ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value");
  if (!statement) return statement.error();
  statement->bind(1, name);
  auto row = statement->step();
  if (!row) return row.error();
  if (!*row) return Error(Reason::Internal, "sqlite: counter upsert returned no row");
  const std::int64_t value = statement->integer(0);
  if (auto finished = statement->run(); !finished) return finished.error();
  return value;
}

}  // namespace onestop::store
