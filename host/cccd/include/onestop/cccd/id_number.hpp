#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/cccd/calendar_date.hpp"
#include "onestop/cccd/province_codes.hpp"
#include "onestop/cccd/sex.hpp"
#include "onestop/common/result.hpp"

namespace onestop::cccd {

// The 12-digit personal identification number (số định danh cá nhân), `PPP G YY NNNNNN`
// (cccd.md §1): PPP place of birth registration, G century and sex, YY birth year, then a
// random sequence. There is no check digit.
struct IdNumber {
  std::string digits;             // all 12
  std::string provinceCode;       // PPP: old province code of birth registration, or country code
  std::string_view provinceName;  // Vietnamese name when provinceKind is Domestic, else empty
  ProvinceCodeKind provinceKind = ProvinceCodeKind::Unknown;
  Sex sex = Sex::Male;  // G even = male
  int birthYear = 0;    // century from G (0/1 = 1900s … 8/9 = 2300s) + YY
  std::string serial;   // NNNNNN

  // Last 9 digits: the MRZ document number and the BAC key's document number (cccd.md §2.1).
  [[nodiscard]] std::string documentNumber() const { return digits.substr(3); }
  // Last 6 digits: the PACE password (CAN); no CAN is printed on the card (cccd.md §4.2).
  [[nodiscard]] std::string can() const { return digits.substr(6); }
};

// The checks on an ID number, each named in findings and error details.
enum class IdCheck {
  Format,        // exactly 12 ASCII digits (the only hard check)
  ProvinceCode,  // PPP is neither one of the 63 old province codes nor a country code 101–295
  CenturyDigit,  // G gives another century than the date of birth, or a year still to come
  BirthYear,     // YY differs from the last two digits of the birth year
  Sex,           // G's parity differs from the sex
};

// "ID_FORMAT", "ID_PROVINCE_CODE", "ID_CENTURY_DIGIT", "ID_BIRTH_YEAR", "ID_SEX".
std::string_view idCheckName(IdCheck check);

struct IdFinding {
  IdCheck check;
  std::string detail;  // English, without the number or other citizen data
};

// Splits the number. Only the format is enforced: anything but 12 ASCII digits is
// Reason::ValidationFailed with a detail starting "ID_FORMAT:". The other checks are soft
// (the layout comes from a circular that lapsed in 2024, cccd.md §1): see checkIdNumber.
Result<IdNumber> parseIdNumber(std::string_view text);

// What the number is checked against; each check runs only when its input is given.
struct IdExpectations {
  std::optional<Date> dateOfBirth;
  std::optional<Sex> sex;
  std::optional<std::chrono::year> currentYear;  // a birth year after it is a CenturyDigit finding
};

// Every failed soft check, in IdCheck order; empty when all passed.
std::vector<IdFinding> checkIdNumber(const IdNumber& id, const IdExpectations& expected = {});

// The same as a Result: the first finding becomes Reason::ValidationFailed with a detail
// "<check name>: …". For callers that must refuse rather than warn.
Result<void> requireConsistent(const IdNumber& id, const IdExpectations& expected = {});

}  // namespace onestop::cccd
