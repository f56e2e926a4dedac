#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace onestop::store {

// RFC 3339 in UTC with milliseconds, "2025-01-02T03:04:05.678Z": fixed width, so text order is
// time order (until year 9999).
std::string formatUtcMillis(std::chrono::system_clock::time_point time);

// The unit's local time zone, Asia/Ho_Chi_Minh: UTC+7 all year (no daylight saving since 1975),
// so a fixed offset is exact and needs no tz database. Days, receipt years and the dates in case
// ids and file codes follow the counter's calendar, not UTC's.
inline constexpr std::chrono::hours kLocalUtcOffset{7};

// The local calendar day of a moment.
std::chrono::year_month_day localDay(std::chrono::system_clock::time_point time);
// "2026-11-23"
std::string formatIsoDay(std::chrono::year_month_day day);
// "20261123"
std::string formatCompactDay(std::chrono::year_month_day day);
// true for "yyyy-mm-dd" naming a real calendar day.
bool isIsoDay(std::string_view text);

}  // namespace onestop::store
