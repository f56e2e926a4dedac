#include "onestop/store/connection.hpp"

#include <sqlite3.h>

#include <string>

#include "sqlite_error.hpp"

namespace onestop::store {

Result<Statement> Connection::prepare(std::string_view sql) const {
  return Statement::prepare(handle_, sql);
}

Result<void> Connection::execute(std::string_view sql) const {
  const std::string text(sql);  // sqlite3_exec wants a terminated string
  const int code = sqlite3_exec(handle_, text.c_str(), nullptr, nullptr, nullptr);
  if (code != SQLITE_OK) return sqliteError(handle_, code, "execute");
  return {};
}

}  // namespace onestop::store
