#include "onestop/procedures/working_calendar.hpp"

#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>

#include <nlohmann/json.hpp>

namespace onestop::procedures {
namespace {

using namespace std::chrono;

std::optional<year_month_day> parseIso(const std::string& iso) {
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  if (iso.size() != 10 || std::sscanf(iso.c_str(), "%4d-%2u-%2u", &y, &m, &d) != 3) {
    return std::nullopt;
  }
  const year_month_day date{year{y}, month{m}, day{d}};
  if (!date.ok()) return std::nullopt;
  return date;
}

std::string toIso(const year_month_day& date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

}  // namespace

Result<std::shared_ptr<const WorkingCalendar>> WorkingCalendar::load(
    const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return Error(Reason::ValidationFailed, file.string() + ": cannot be read");
  const auto document = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object() || !document.contains("holidays") || !document["holidays"].is_array()) {
    return Error(Reason::ValidationFailed, file.string() + ": expected {\"holidays\": [...]}");
  }
  std::set<std::string> holidays;
  for (const auto& holiday : document["holidays"]) {
    const auto date = holiday.is_object() ? holiday.value("date", std::string()) : std::string();
    if (!parseIso(date)) {
      return Error(Reason::ValidationFailed,
                   file.string() + ": a holiday without a yyyy-mm-dd date");
    }
    holidays.insert(date);
  }
  return std::make_shared<const WorkingCalendar>(std::move(holidays));
}

bool WorkingCalendar::isWorkingDay(const std::string& iso) const {
  const auto date = parseIso(iso);
  if (!date) return false;
  const weekday wd{sys_days{*date}};
  return wd != Saturday && wd != Sunday && !isHoliday(iso);
}

std::string WorkingCalendar::addWorkingDays(const std::string& iso, int n) const {
  auto date = parseIso(iso);
  if (!date) return iso;
  for (int counted = 0; counted < n;) {
    date = year_month_day{sys_days{*date} + days{1}};
    if (isWorkingDay(toIso(*date))) ++counted;
  }
  return toIso(*date);
}

}  // namespace onestop::procedures
