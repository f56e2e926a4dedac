#include "check_report.hpp"

#include <cstdio>

namespace onestop::conformance {

void CheckReport::pass(const std::string& area, const std::string& what) {
  ++passed_;
  std::printf("PASS  %s: %s\n", area.c_str(), what.c_str());
  std::fflush(stdout);
}

void CheckReport::fail(const std::string& area, const std::string& what,
                       const std::string& detail) {
  ++failed_;
  std::printf("FAIL  %s: %s%s%s\n", area.c_str(), what.c_str(), detail.empty() ? "" : " — ",
              detail.c_str());
  std::fflush(stdout);
}

void CheckReport::skip(const std::string& area, const std::string& what, const std::string& why) {
  ++skipped_;
  std::printf("SKIP  %s: %s (%s)\n", area.c_str(), what.c_str(), why.c_str());
  std::fflush(stdout);
}

bool CheckReport::expect(bool ok, const std::string& area, const std::string& what,
                         const std::string& detail) {
  if (ok) {
    pass(area, what);
  } else {
    fail(area, what, detail);
  }
  return ok;
}

void CheckReport::summary() const {
  std::printf("onestop-plugin-check: %d checks: %d passed, %d failed, %d skipped — %s\n",
              passed_ + failed_ + skipped_, passed_, failed_, skipped_,
              failed_ == 0 ? "CONFORMS" : "DOES NOT CONFORM");
}

}  // namespace onestop::conformance
