#pragma once

#include <string_view>

namespace onestop::cccd {

// What the first three digits of a personal ID number say (cccd.md §1, residence.md §6.1):
// the place where the birth was registered, as the OLD 63-province code with a leading 0, or a
// country code 101–295 for births registered abroad. The 34 provinces since 01/07/2025 reuse
// some numbers with another meaning: label a decoded code "nơi đăng ký khai sinh (tỉnh cũ)"
// and never feed it to a current-province picker.
enum class ProvinceCodeKind {
  Domestic,  // one of the 63 old province codes
  Abroad,    // 101–295: birth registered abroad (country code)
  Unknown,   // anything else: report softly, the structure comes from a lapsed circular
};

struct ProvinceCode {
  ProvinceCodeKind kind = ProvinceCodeKind::Unknown;
  std::string_view name;  // Vietnamese name (UTF-8, NFC) for Domestic codes, else empty
};

// `code` is three ASCII digits ("001"); any other text is Unknown.
ProvinceCode lookupProvinceCode(std::string_view code);

}  // namespace onestop::cccd
