#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "onestop/common/result.hpp"

namespace onestop::cccd {

// A calendar date as printed on the card (no time of day, no time zone).
using Date = std::chrono::year_month_day;

// The three spellings of a date around a CCCD (cccd.md §0): DG13 and the printed card use
// "dd/mm/yyyy", the QR code "ddmmyyyy", the MRZ and the BAC key "YYMMDD". Parsing requires
// exactly two day digits, two month digits and four year digits, and a date that exists
// (no 31/04, no 29/02 in a common year); anything else is Reason::ValidationFailed. Details
// never repeat the text (it may be citizen data).
Result<Date> parseSlashDate(std::string_view text);
Result<Date> parseCompactDate(std::string_view text);

// "15/06/1995".
std::string toSlashDate(Date date);
// "950615".
std::string toYymmdd(Date date);

// Completed years from `birth` to `on` (the age on that day); negative when `on` is earlier.
int completedYears(Date birth, Date on);

// The same day and month `years` later; 29 February becomes 28 February in a common year.
Date addYears(Date date, int years);

}  // namespace onestop::cccd
