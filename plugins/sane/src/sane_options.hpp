// Looking up, reading and setting one open device's SANE options by name, whatever their type
// (INT or FIXED numbers, BOOL, STRING), plus the pure conversions behind it so they can be tested
// without a scanner.
#pragma once

#include <sane/sane.h>
#include <sane/saneopts.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onestop::sane {

// A number as the option's type stores it: FIXED is 16.16 fixed point, INT and BOOL are plain.
double numberFromWord(SANE_Word word, SANE_Value_Type type);
SANE_Word wordFromNumber(double value, SANE_Value_Type type);

// The values a numeric option allows: a word list as numbers, or nullopt for a range / none.
std::optional<std::vector<double>> wordListValues(const SANE_Option_Descriptor& d);
// The bounds of a range-constrained numeric option, or nullopt.
struct NumberRange {
  double min = 0, max = 0, quant = 0;
};
std::optional<NumberRange> rangeOf(const SANE_Option_Descriptor& d);

// The resolutions offered for a range: the common ones (75 100 150 200 300 600) that lie inside
// it and that the quantisation can reach; the range's own ends when none does.
std::vector<std::uint32_t> resolutionsFromRange(const NumberRange& range);
// The allowed value nearest to `wanted` (word list or range with quantisation), or `wanted`.
double nearestAllowed(const SANE_Option_Descriptor& d, double wanted);

// The options of one open handle. The descriptors are re-read on every lookup because a backend
// may change them after a set (SANE_INFO_RELOAD_OPTIONS).
class SaneOptions {
 public:
  explicit SaneOptions(SANE_Handle handle) : handle_(handle) {}

  struct Found {
    SANE_Int index = 0;
    const SANE_Option_Descriptor* descriptor = nullptr;
  };
  // The first active option called `name` (the well-known names are SANE_NAME_*).
  [[nodiscard]] std::optional<Found> find(std::string_view name) const;
  // Whether the device has an option called `name` at all, active or not.
  [[nodiscard]] bool exists(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> stringList(std::string_view name) const;

  [[nodiscard]] std::optional<double> number(std::string_view name) const;
  [[nodiscard]] std::optional<std::string> text(std::string_view name) const;
  // The value as JSON (number, bool or string); nullopt for buttons, groups and arrays.
  [[nodiscard]] std::optional<nlohmann::json> value(std::string_view name) const;

  // SANE_STATUS_INVAL when the option is missing, inactive, read-only or of another type.
  SANE_Status setNumber(std::string_view name, double value) const;
  SANE_Status setText(std::string_view name, const std::string& value) const;
  // JSON string/number/bool onto an option of the matching type; a number string is accepted for
  // numeric options ("300") and "yes"/"no" for BOOL, as scanimage would.
  SANE_Status setValue(std::string_view name, const nlohmann::json& value) const;

 private:
  SANE_Handle handle_;
};

}  // namespace onestop::sane
