#pragma once

#include <chrono>

#include "onestop/cccd/calendar_date.hpp"

namespace onestop::cccd::testing {

// date(2003, 12, 24): the tests' shorthand for a calendar date.
inline Date date(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

}  // namespace onestop::cccd::testing
