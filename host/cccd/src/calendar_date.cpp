#include "onestop/cccd/calendar_date.hpp"

#include <cstdio>

namespace onestop::cccd {
namespace {

bool allDigits(std::string_view text) {
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int number(std::string_view digits) {
  int value = 0;
  for (const char c : digits) value = value * 10 + (c - '0');
  return value;
}

Result<Date> makeDate(int day, int month, int year, std::string_view format) {
  const Date date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                  std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) {
    return Error(Reason::ValidationFailed,
                 "date: digits in " + std::string(format) + " form name no calendar day");
  }
  return date;
}

}  // namespace

Result<Date> parseSlashDate(std::string_view text) {
  if (text.size() != 10 || text[2] != '/' || text[5] != '/' || !allDigits(text.substr(0, 2)) ||
      !allDigits(text.substr(3, 2)) || !allDigits(text.substr(6, 4))) {
    return Error(Reason::ValidationFailed, "date: not in dd/mm/yyyy form");
  }
  return makeDate(number(text.substr(0, 2)), number(text.substr(3, 2)), number(text.substr(6, 4)),
                  "dd/mm/yyyy");
}

Result<Date> parseCompactDate(std::string_view text) {
  if (text.size() != 8 || !allDigits(text)) {
    return Error(Reason::ValidationFailed, "date: not in ddmmyyyy form");
  }
  return makeDate(number(text.substr(0, 2)), number(text.substr(2, 2)), number(text.substr(4, 4)),
                  "ddmmyyyy");
}

std::string toSlashDate(Date date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
  return buffer;
}

std::string toYymmdd(Date date) {
  char buffer[16];
  const int year = static_cast<int>(date.year());
  std::snprintf(buffer, sizeof buffer, "%02d%02u%02u", ((year % 100) + 100) % 100,
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buffer;
}

int completedYears(Date birth, Date on) {
  int years = static_cast<int>(on.year()) - static_cast<int>(birth.year());
  const bool beforeBirthday =
      on.month() < birth.month() || (on.month() == birth.month() && on.day() < birth.day());
  if (beforeBirthday) --years;
  return years;
}

Date addYears(Date date, int years) {
  const Date moved{date.year() + std::chrono::years{years}, date.month(), date.day()};
  if (moved.ok()) return moved;
  return Date{moved.year(), moved.month(), std::chrono::day{28}};  // 29/02 in a common year
}

}  // namespace onestop::cccd
