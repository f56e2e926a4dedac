#pragma once

#include <source_location>
#include <string>
#include <utility>

#include "onestop/common/reason.hpp"

namespace onestop {

// An expected failure: a reason from the API's list, a developer detail (English, never citizen
// data) and where it was raised. User-facing messages are looked up from the reason at the API
// edge.
class Error {
 public:
  explicit Error(Reason reason, std::string detail = {},
                 std::source_location where = std::source_location::current())
      : reason_(reason), detail_(std::move(detail)), where_(where) {}

  [[nodiscard]] Reason reason() const { return reason_; }
  [[nodiscard]] const std::string& detail() const { return detail_; }
  [[nodiscard]] const std::source_location& where() const { return where_; }

 private:
  Reason reason_;
  std::string detail_;
  std::source_location where_;
};

}  // namespace onestop
