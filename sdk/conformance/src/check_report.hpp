#pragma once

#include <string>

namespace onestop::conformance {

// Prints one line per check ("PASS  area: what", "FAIL  area: what — detail", "SKIP …") and
// counts them; the exit code is non-zero when any check failed.
class CheckReport {
 public:
  void pass(const std::string& area, const std::string& what);
  void fail(const std::string& area, const std::string& what, const std::string& detail);
  void skip(const std::string& area, const std::string& what, const std::string& why);
  // pass() when ok, else fail() with detail.
  bool expect(bool ok, const std::string& area, const std::string& what,
              const std::string& detail = {});

  [[nodiscard]] int passed() const { return passed_; }
  [[nodiscard]] int failed() const { return failed_; }
  [[nodiscard]] int skipped() const { return skipped_; }
  void summary() const;

 private:
  int passed_ = 0;
  int failed_ = 0;
  int skipped_ = 0;
};

}  // namespace onestop::conformance
