#include "utc_time.hpp"

#include <cstdio>
#include <ctime>

namespace onestop::store {

std::string formatUtcMillis(std::chrono::system_clock::time_point time) {
  using namespace std::chrono;
  const auto millis = floor<milliseconds>(time);
  const auto seconds = floor<std::chrono::seconds>(millis);
  const auto fraction = (millis - seconds).count();
  const std::time_t whole = system_clock::to_time_t(seconds);
  std::tm utc{};
  gmtime_r(&whole, &utc);
  char text[96];  // room for any int, so the compiler can prove no truncation
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(fraction));
  return text;
}

}  // namespace onestop::store
