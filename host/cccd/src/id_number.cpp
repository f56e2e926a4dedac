#include "onestop/cccd/id_number.hpp"

#include <algorithm>

namespace onestop::cccd {
namespace {

constexpr std::size_t kIdLength = 12;

int digitValue(char c) {
  return c - '0';
}

}  // namespace

std::string_view idCheckName(IdCheck check) {
  switch (check) {
    case IdCheck::Format:
      return "ID_FORMAT";
    case IdCheck::ProvinceCode:
      return "ID_PROVINCE_CODE";
    case IdCheck::CenturyDigit:
      return "ID_CENTURY_DIGIT";
    case IdCheck::BirthYear:
      return "ID_BIRTH_YEAR";
    case IdCheck::Sex:
      return "ID_SEX";
  }
  return "ID_UNKNOWN_CHECK";
}

Result<IdNumber> parseIdNumber(std::string_view text) {
  if (text.size() != kIdLength) {
    return Error(Reason::ValidationFailed, "ID_FORMAT: expected 12 digits, got " +
                                               std::to_string(text.size()) + " characters");
  }
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return Error(Reason::ValidationFailed,
                 "ID_FORMAT: expected 12 digits, found another character");
  }
  IdNumber id;
  id.digits = std::string(text);
  id.provinceCode = id.digits.substr(0, 3);
  const ProvinceCode province = lookupProvinceCode(id.provinceCode);
  id.provinceKind = province.kind;
  id.provinceName = province.name;
  const int centuryAndSex = digitValue(text[3]);
  id.sex = centuryAndSex % 2 == 0 ? Sex::Male : Sex::Female;
  const int century = 1900 + (centuryAndSex / 2) * 100;
  id.birthYear = century + digitValue(text[4]) * 10 + digitValue(text[5]);
  id.serial = id.digits.substr(6);
  return id;
}

std::vector<IdFinding> checkIdNumber(const IdNumber& id, const IdExpectations& expected) {
  std::vector<IdFinding> findings;
  if (id.provinceKind == ProvinceCodeKind::Unknown) {
    findings.push_back({IdCheck::ProvinceCode,
                        "ID_PROVINCE_CODE: digits 1-3 are neither an old province code nor a "
                        "country code 101-295"});
  }
  if (expected.dateOfBirth) {
    const int year = static_cast<int>(expected.dateOfBirth->year());
    if (year % 100 != id.birthYear % 100) {
      findings.push_back({IdCheck::BirthYear,
                          "ID_BIRTH_YEAR: digits 5-6 differ from the year of the date of birth"});
    } else if (year != id.birthYear) {
      findings.push_back(
          {IdCheck::CenturyDigit,
           "ID_CENTURY_DIGIT: digit 4 gives another century than the date of birth"});
    }
  }
  if (expected.currentYear && id.birthYear > static_cast<int>(*expected.currentYear)) {
    findings.push_back(
        {IdCheck::CenturyDigit, "ID_CENTURY_DIGIT: digit 4 gives a birth year still to come"});
  }
  if (expected.sex && *expected.sex != id.sex) {
    findings.push_back({IdCheck::Sex, "ID_SEX: the parity of digit 4 differs from the sex"});
  }
  std::stable_sort(findings.begin(), findings.end(),
                   [](const IdFinding& a, const IdFinding& b) { return a.check < b.check; });
  return findings;
}

Result<void> requireConsistent(const IdNumber& id, const IdExpectations& expected) {
  const auto findings = checkIdNumber(id, expected);
  if (findings.empty()) return Ok{};
  return Error(Reason::ValidationFailed, findings.front().detail);
}

}  // namespace onestop::cccd
