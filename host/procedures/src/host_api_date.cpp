// onestop.date: ISO "yyyy-mm-dd" inside scripts, "dd/mm/yyyy" on forms; working days skip
// weekends and config/holidays.json.
#include <cstdio>

#include "host_api.hpp"
#include "onestop/cccd/calendar_date.hpp"

namespace onestop::procedures::hostapi {
namespace {

using namespace std::chrono;

// Time limits count at most this many working days; a larger n is a script bug.
constexpr lua_Integer kMaxWorkingDays = 3660;
constexpr lua_Integer kMaxDayOffset = 400 * 366;

bool allDigits(std::string_view s) {
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<Date> makeDate(int y, unsigned m, unsigned d) {
  const Date date{year{y}, month{m}, day{d}};
  if (!date.ok() || y < 1800 || y > 2300) return std::nullopt;
  return date;
}

void pushDate(lua_State* L, Date date) {
  const std::string iso = toIso(date);
  lua_pushlstring(L, iso.data(), iso.size());
}

lua_Integer checkOffset(lua_State* L, int arg, lua_Integer max) {
  const lua_Integer n = luaL_checkinteger(L, arg);
  if (n < -max || n > max) luaL_argerror(L, arg, "offset out of range");
  return n;
}

bool isWorkingDay(lua_State* L, Date date) {
  return data(L).calendar().isWorkingDay(toIso(date));
}

int parse(lua_State* L) {
  const std::string_view text = luaL_checkstring(L, 1);
  std::optional<Date> date;
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    date = parseIso(text);
  } else if (text.size() == 10 && text[2] == '/' && text[5] == '/') {
    if (auto parsed = cccd::parseSlashDate(text))
      date = makeDate(static_cast<int>(parsed->year()), static_cast<unsigned>(parsed->month()),
                      static_cast<unsigned>(parsed->day()));
  } else if (text.size() == 8 && allDigits(text)) {
    if (auto parsed = cccd::parseCompactDate(text))
      date = makeDate(static_cast<int>(parsed->year()), static_cast<unsigned>(parsed->month()),
                      static_cast<unsigned>(parsed->day()));
  }
  if (!date) return pushFailure(L, "DATE_INVALID");
  pushDate(L, *date);
  return 1;
}

int format(lua_State* L) {
  const std::string text = cccd::toSlashDate(checkIso(L, 1));
  lua_pushlstring(L, text.data(), text.size());
  return 1;
}

int signatureLine(lua_State* L) {
  const Date date = checkIso(L, 1);
  const std::string_view place = checkText(L, 2);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "ngày %02u tháng %02u năm %d",
                static_cast<unsigned>(date.day()), static_cast<unsigned>(date.month()),
                static_cast<int>(date.year()));
  std::string line = place.empty() ? std::string(buffer) : std::string(place) + ", " + buffer;
  lua_pushlstring(L, line.data(), line.size());
  return 1;
}

int addDays(lua_State* L) {
  const Date date = checkIso(L, 1);
  pushDate(L, Date{sys_days{date} + days{checkOffset(L, 2, kMaxDayOffset)}});
  return 1;
}

int addMonths(lua_State* L) {
  const Date date = checkIso(L, 1);
  const year_month ym =
      year_month{date.year(), date.month()} + months{checkOffset(L, 2, kMaxDayOffset / 28)};
  const day last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
  pushDate(L, Date{ym.year(), ym.month(), std::min(date.day(), last)});
  return 1;
}

int addYears(lua_State* L) {
  const Date date = checkIso(L, 1);
  pushDate(L, cccd::addYears(date, static_cast<int>(checkOffset(L, 2, 400))));
  return 1;
}

int compare(lua_State* L) {
  const Date a = checkIso(L, 1);
  const Date b = checkIso(L, 2);
  lua_pushinteger(L, a < b ? -1 : (a == b ? 0 : 1));
  return 1;
}

int daysBetween(lua_State* L) {
  const Date a = checkIso(L, 1);
  const Date b = checkIso(L, 2);
  lua_pushinteger(L, (sys_days{b} - sys_days{a}).count());
  return 1;
}

int age(lua_State* L) {
  const Date birth = checkIso(L, 1);
  const Date on = checkIso(L, 2);
  lua_pushinteger(L, cccd::completedYears(birth, on));
  return 1;
}

int weekdayOf(lua_State* L) {
  const weekday wd{sys_days{checkIso(L, 1)}};
  lua_pushinteger(L, wd.iso_encoding());
  return 1;
}

int isWorking(lua_State* L) {
  lua_pushboolean(L, isWorkingDay(L, checkIso(L, 1)) ? 1 : 0);
  return 1;
}

// The first working day after `iso` counts as 1 (Luật Cư trú time limits run from the day
// after a complete file).
int addWorkingDays(lua_State* L) {
  const Date date = checkIso(L, 1);
  const lua_Integer n = luaL_checkinteger(L, 2);
  if (n < 0 || n > kMaxWorkingDays) return luaL_argerror(L, 2, "must be 0..3660");
  const auto due = data(L).calendar().addWorkingDays(toIso(date), static_cast<int>(n));
  lua_pushstring(L, due.c_str());
  return 1;
}

}  // namespace

std::optional<Date> parseIso(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto y = text.substr(0, 4);
  const auto m = text.substr(5, 2);
  const auto d = text.substr(8, 2);
  if (!allDigits(y) || !allDigits(m) || !allDigits(d)) return std::nullopt;
  return makeDate(std::stoi(std::string(y)), static_cast<unsigned>(std::stoi(std::string(m))),
                  static_cast<unsigned>(std::stoi(std::string(d))));
}

std::string toIso(Date date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

Date checkIso(lua_State* L, int arg) {
  const auto date = parseIso(luaL_checkstring(L, arg));
  if (!date) luaL_argerror(L, arg, "expected an ISO date yyyy-mm-dd");
  return *date;
}

void installDate(lua_State* L) {
  setFunction<parse>(L, "parse");
  setFunction<format>(L, "format");
  setFunction<signatureLine>(L, "signature_line");
  setFunction<addDays>(L, "add_days");
  setFunction<addMonths>(L, "add_months");
  setFunction<addYears>(L, "add_years");
  setFunction<compare>(L, "compare");
  setFunction<daysBetween>(L, "days_between");
  setFunction<age>(L, "age");
  setFunction<weekdayOf>(L, "weekday");
  setFunction<isWorking>(L, "is_working_day");
  setFunction<addWorkingDays>(L, "add_working_days");
}

}  // namespace onestop::procedures::hostapi
