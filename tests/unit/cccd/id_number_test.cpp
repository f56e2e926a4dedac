#include "onestop/cccd/id_number.hpp"

#include <gtest/gtest.h>

#include "test_date.hpp"

namespace onestop::cccd {
namespace {

using std::chrono::year;

// Synthetic numbers only: province, century/sex digit and year are chosen, the serial is made up.
constexpr const char* kMale1995 = "001095012345";    // Hà Nội, 1900s male, 95
constexpr const char* kFemale2003 = "079303000777";  // TP HCM, 2000s female, 03

using testing::date;

IdExpectations expecting(std::optional<Date> dateOfBirth, std::optional<Sex> sex = std::nullopt,
                         std::optional<year> currentYear = std::nullopt) {
  IdExpectations expected;
  expected.dateOfBirth = dateOfBirth;
  expected.sex = sex;
  expected.currentYear = currentYear;
  return expected;
}

IdNumber parsed(const char* text) {
  auto id = parseIdNumber(text);
  EXPECT_TRUE(id.ok()) << id.error().detail();
  return id.ok() ? *id : IdNumber{};
}

TEST(IdNumber, SplitsIntoProvinceSexYearAndSerial) {
  const IdNumber id = parsed(kMale1995);

  EXPECT_EQ(id.provinceCode, "001");
  EXPECT_EQ(id.provinceName, "Hà Nội");
  EXPECT_EQ(id.provinceKind, ProvinceCodeKind::Domestic);
  EXPECT_EQ(id.sex, Sex::Male);
  EXPECT_EQ(id.birthYear, 1995);
  EXPECT_EQ(id.serial, "012345");
}

TEST(IdNumber, ReadsCenturyAndSexFromDigitFour) {
  const IdNumber female2003 = parsed(kFemale2003);

  EXPECT_EQ(female2003.sex, Sex::Female);
  EXPECT_EQ(female2003.birthYear, 2003);
  EXPECT_EQ(parsed("001512000001").birthYear, 2112);
  EXPECT_EQ(parsed("001612000001").birthYear, 2212);
  EXPECT_EQ(parsed("001912000001").birthYear, 2312);
  EXPECT_EQ(parsed("001912000001").sex, Sex::Female);
}

TEST(IdNumber, DerivesDocumentNumberAndCan) {
  const IdNumber id = parsed(kMale1995);

  EXPECT_EQ(id.documentNumber(), "095012345");
  EXPECT_EQ(id.can(), "012345");
}

TEST(IdNumber, RejectsWrongLengthNamingTheFormatCheck) {
  for (const char* text : {"", "00109501234", "0010950123456"}) {
    auto id = parseIdNumber(text);

    ASSERT_FALSE(id.ok()) << text;
    EXPECT_EQ(id.error().reason(), Reason::ValidationFailed);
    EXPECT_EQ(id.error().detail().rfind("ID_FORMAT:", 0), 0U) << id.error().detail();
  }
}

TEST(IdNumber, RejectsNonDigits) {
  for (const char* text : {"00109501234X", "001 95012345", "００1095012345"}) {
    auto id = parseIdNumber(text);

    ASSERT_FALSE(id.ok()) << text;
    EXPECT_EQ(id.error().detail().rfind("ID_FORMAT:", 0), 0U);
  }
}

TEST(IdNumber, PassesAllChecksWhenConsistent) {
  const IdNumber id = parsed(kMale1995);

  const auto findings = checkIdNumber(id, expecting(date(1995, 6, 15), Sex::Male, year{2026}));

  EXPECT_TRUE(findings.empty());
  EXPECT_TRUE(requireConsistent(id, expecting(date(1995, 6, 15))).ok());
}

TEST(IdNumber, AcceptsBirthRegisteredAbroad) {
  const IdNumber id = parsed("205095012345");

  EXPECT_EQ(id.provinceKind, ProvinceCodeKind::Abroad);
  EXPECT_TRUE(checkIdNumber(id).empty());
}

TEST(IdNumber, ReportsUnknownProvinceCodeSoftly) {
  const IdNumber id = parsed("003095012345");

  const auto findings = checkIdNumber(id);

  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings[0].check, IdCheck::ProvinceCode);
  EXPECT_EQ(id.provinceKind, ProvinceCodeKind::Unknown);
  EXPECT_TRUE(id.provinceName.empty());
}

TEST(IdNumber, ReportsBirthYearDigitsThatDisagreeWithDateOfBirth) {
  const auto findings = checkIdNumber(parsed(kMale1995), expecting(date(1996, 6, 15)));

  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings[0].check, IdCheck::BirthYear);
}

TEST(IdNumber, ReportsCenturyDigitThatDisagreesWithDateOfBirth) {
  const auto findings = checkIdNumber(parsed(kMale1995), expecting(date(2095, 6, 15)));

  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings[0].check, IdCheck::CenturyDigit);
}

TEST(IdNumber, ReportsCenturyDigitGivingAYearStillToCome) {
  const auto findings =
      checkIdNumber(parsed("001412000001"), expecting(std::nullopt, std::nullopt, year{2026}));

  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings[0].check, IdCheck::CenturyDigit);
}

TEST(IdNumber, ReportsSexParityThatDisagrees) {
  const auto findings = checkIdNumber(parsed(kFemale2003), expecting(std::nullopt, Sex::Male));

  ASSERT_EQ(findings.size(), 1U);
  EXPECT_EQ(findings[0].check, IdCheck::Sex);
}

TEST(IdNumber, ListsSeveralFindingsInCheckOrder) {
  const auto findings =
      checkIdNumber(parsed("003095012345"), expecting(date(1990, 1, 1), Sex::Female));

  ASSERT_EQ(findings.size(), 3U);
  EXPECT_EQ(findings[0].check, IdCheck::ProvinceCode);
  EXPECT_EQ(findings[1].check, IdCheck::BirthYear);
  EXPECT_EQ(findings[2].check, IdCheck::Sex);
}

TEST(IdNumber, RequireConsistentNamesTheFailedCheckWithoutTheNumber) {
  auto result = requireConsistent(parsed(kMale1995), expecting(std::nullopt, Sex::Female));

  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(result.error().detail().rfind("ID_SEX:", 0), 0U);
  EXPECT_EQ(result.error().detail().find(kMale1995), std::string::npos);
}

TEST(IdNumber, NamesEveryCheck) {
  EXPECT_EQ(idCheckName(IdCheck::Format), "ID_FORMAT");
  EXPECT_EQ(idCheckName(IdCheck::ProvinceCode), "ID_PROVINCE_CODE");
  EXPECT_EQ(idCheckName(IdCheck::CenturyDigit), "ID_CENTURY_DIGIT");
  EXPECT_EQ(idCheckName(IdCheck::BirthYear), "ID_BIRTH_YEAR");
  EXPECT_EQ(idCheckName(IdCheck::Sex), "ID_SEX");
}

}  // namespace
}  // namespace onestop::cccd
