#include "onestop/store/statistics.hpp"

#include <chrono>
#include <utility>

#include "case_rows.hpp"
#include "utc_time.hpp"

namespace onestop::store {

namespace {

Result<void> checkIdentifier(std::string_view member, std::string_view value) {
  if (!case_rows::isIdentifier(value, 64)) {
    return Error(Reason::ValidationFailed,
                 "statistics: " + std::string(member) + " must match [A-Za-z0-9_.:-]{1,64}");
  }
  return {};
}

// RFC 4180: a field with a comma, a double quote or a line break is quoted, quotes doubled.
void appendCsvField(std::string& out, std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (const char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

Result<std::vector<StatRow>> readRows(Statement& statement) {
  std::vector<StatRow> rows;
  for (;;) {
    auto row = statement.step();
    if (!row) return row.error();
    if (!*row) break;
    rows.push_back({.day = statement.text(0),
                    .kind = statement.text(1),
                    .key = statement.text(2),
                    .outcome = statement.text(3),
                    .count = statement.integer(4)});
  }
  return rows;
}

}  // namespace

Statistics::Statistics(std::shared_ptr<Database> database, Clock clock)
    : database_(std::move(database)), clock_(std::move(clock)) {}

Result<void> Statistics::record(const StatEvent& event) {
  if (auto ok = checkIdentifier("kind", event.kind); !ok) return ok;
  if (auto ok = checkIdentifier("key", event.key); !ok) return ok;
  if (auto ok = checkIdentifier("outcome", event.outcome); !ok) return ok;
  const auto time = clock_ ? clock_() : std::chrono::system_clock::now();
  const std::string day = formatIsoDay(localDay(time));

  const Connection connection = database_->connect();
  // One statement, so atomic on its own: concurrent records never lose a count.
  auto statement = connection.prepare(
      "INSERT INTO stats_daily (day, kind, key, outcome, count) VALUES (?1, ?2, ?3, ?4, 1)"
      " ON CONFLICT (day, kind, key, outcome) DO UPDATE SET count = count + 1");
  if (!statement) return statement.error();
  statement->bind(1, day).bind(2, event.kind).bind(3, event.key).bind(4, event.outcome);
  return statement->run();
}

Result<std::vector<StatRow>> Statistics::report(std::string fromDay, std::string toDay) const {
  if (!isIsoDay(fromDay) || !isIsoDay(toDay)) {
    return Error(Reason::ValidationFailed, "statistics: days must be yyyy-mm-dd");
  }
  if (fromDay > toDay) {
    return Error(Reason::ValidationFailed, "statistics: fromDay is after toDay");
  }
  const Connection connection = database_->connect();
  auto statement = connection.prepare(
      "SELECT day, kind, key, outcome, count FROM stats_daily WHERE day BETWEEN ?1 AND ?2"
      " ORDER BY day, kind, key, outcome");
  if (!statement) return statement.error();
  statement->bind(1, fromDay).bind(2, toDay);
  return readRows(*statement);
}

std::string Statistics::toCsv(const std::vector<StatRow>& rows) {
  std::string out = "day,kind,key,outcome,count\r\n";
  for (const StatRow& row : rows) {
    appendCsvField(out, row.day);
    out.push_back(',');
    appendCsvField(out, row.kind);
    out.push_back(',');
    appendCsvField(out, row.key);
    out.push_back(',');
    appendCsvField(out, row.outcome);
    out.push_back(',');
    out += std::to_string(row.count);
    out += "\r\n";
  }
  return out;
}

Result<std::vector<StatRow>> Statistics::totals() const {
  const Connection connection = database_->connect();
  auto statement = connection.prepare(
      "SELECT '', kind, key, outcome, sum(count) FROM stats_daily"
      " GROUP BY kind, key, outcome ORDER BY kind, key, outcome");
  if (!statement) return statement.error();
  return readRows(*statement);
}

}  // namespace onestop::store
