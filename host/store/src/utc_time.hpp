#pragma once

#include <chrono>
#include <string>

namespace onestop::store {

// RFC 3339 in UTC with milliseconds, "2025-01-02T03:04:05.678Z": fixed width, so text order is
// time order (until year 9999).
std::string formatUtcMillis(std::chrono::system_clock::time_point time);

}  // namespace onestop::store
