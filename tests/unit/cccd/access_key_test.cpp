#include "onestop/cccd/access_key.hpp"

#include <gtest/gtest.h>

#include "test_date.hpp"

namespace onestop::cccd {
namespace {

using testing::date;

// A fictitious holder: ID 001303012345, born 24/12/2003, card issued 10/05/2021 (aged 17, so
// valid until the 25th birthday). MRZ check digits computed for this test.
constexpr const char* kId = "001303012345";
constexpr const char* kMrz =
    "IDVNM3030123457001303012345<<8"
    "0312244F2812243VNM<<<<<<<<<<<2"
    "LE<<THI<ANH<TUYET<<<<<<<<<<<<<";
constexpr const char* kKeyExpiry2028 = "303012345703122442812243";  // renewal age 25
constexpr const char* kKeyExpiry2043 = "303012345703122444312242";  // renewal age 40
constexpr const char* kKeyExpiry2063 = "303012345703122446312246";  // renewal age 60
constexpr const char* kKeyNoExpiry = "303012345703122449912315";

PersonalKeyData fromQr() {
  PersonalKeyData data;
  data.source = KeySource::QrCode;
  data.idNumber = kId;
  data.dateOfBirth = date(2003, 12, 24);
  data.dateOfIssue = date(2021, 5, 10);
  return data;
}

AccessKeyInputs withPersonal(PersonalKeyData data) {
  AccessKeyInputs inputs;
  inputs.personal.push_back(std::move(data));
  return inputs;
}

std::vector<KeyCandidate> plan(const AccessKeyInputs& inputs, bool pace,
                               AttemptLimits limits = {}) {
  ChipAccess chip;
  chip.paceOffered = pace;
  auto planned = planAccessKeys(inputs, chip, limits);
  EXPECT_TRUE(planned.ok()) << planned.error().detail();
  return planned.ok() ? *planned : std::vector<KeyCandidate>{};
}

std::vector<std::string> secrets(const std::vector<KeyCandidate>& keys) {
  std::vector<std::string> out;
  for (const auto& key : keys) out.push_back(key.secret);
  return out;
}

std::string failure(const AccessKeyInputs& inputs, bool pace) {
  ChipAccess chip;
  chip.paceOffered = pace;
  auto planned = planAccessKeys(inputs, chip);
  EXPECT_FALSE(planned.ok());
  if (planned.ok()) return {};
  EXPECT_EQ(planned.error().reason(), Reason::ValidationFailed);
  return planned.error().detail();
}

TEST(AccessKey, UsesPaceWithLastSixIdDigitsWhenChipOffersPace) {
  const auto keys = plan(withPersonal(fromQr()), true);

  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(keys[0].method, AccessMethod::PaceCan);
  EXPECT_EQ(keys[0].secret, "012345");
  EXPECT_EQ(keys[0].source, KeySource::QrCode);
  EXPECT_EQ(keys[1].method, AccessMethod::Bac);  // BAC follows in case PACE fails
}

TEST(AccessKey, TriesTypedCanBeforeTheIdDerivedOne) {
  AccessKeyInputs inputs = withPersonal(fromQr());
  inputs.can = "654321";

  const auto keys = plan(inputs, true);

  EXPECT_EQ(keys[0].secret, "654321");
  EXPECT_EQ(keys[0].source, KeySource::TypedCan);
  EXPECT_EQ(keys[1].secret, "012345");
}

TEST(AccessKey, DropsRepeatedKeys) {
  AccessKeyInputs inputs = withPersonal(fromQr());
  inputs.can = "012345";
  inputs.personal.push_back(fromQr());
  inputs.personal.back().source = KeySource::TypedFields;

  const auto keys = plan(inputs, true);

  EXPECT_EQ(secrets(keys),
            (std::vector<std::string>{"012345", kKeyExpiry2028, kKeyExpiry2043, kKeyExpiry2063}));
  EXPECT_EQ(keys[0].source, KeySource::TypedCan);
}

TEST(AccessKey, UsesOnlyBacWhenChipHasNoPace) {
  AccessKeyInputs inputs = withPersonal(fromQr());
  inputs.can = "654321";

  const auto keys = plan(inputs, false);

  for (const auto& key : keys) EXPECT_EQ(key.method, AccessMethod::Bac);
}

TEST(AccessKey, DerivesBacExpiryFromRenewalAgesInOrder) {
  const auto keys = plan(withPersonal(fromQr()), false);

  EXPECT_EQ(secrets(keys),
            (std::vector<std::string>{kKeyExpiry2028, kKeyExpiry2043, kKeyExpiry2063}));
  EXPECT_EQ(keys[0].expiryBasis, ExpiryBasis::RenewalAge);
  EXPECT_EQ(keys[0].renewalAge, 25);
  EXPECT_EQ(keys[1].renewalAge, 40);
}

TEST(AccessKey, BuildsDocumentNumberFromLastNineIdDigits) {
  const auto keys = plan(withPersonal(fromQr()), false);

  EXPECT_EQ(keys[0].secret.substr(0, 9), "303012345");
}

TEST(AccessKey, TriesNoExpiryForCardsIssuedAfter58) {
  PersonalKeyData data = fromQr();
  data.idNumber = "001059012345";
  data.dateOfBirth = date(1959, 1, 2);
  data.dateOfIssue = date(2021, 3, 1);

  const auto keys = plan(withPersonal(data), false);

  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(keys[0].expiryBasis, ExpiryBasis::NoExpiry);
  EXPECT_EQ(keys[0].secret.substr(17), "9912315");
}

TEST(AccessKey, PutsMrzKeyFirstAmongBacKeys) {
  AccessKeyInputs inputs = withPersonal(fromQr());
  inputs.personal[0].dateOfIssue = date(2013, 6, 1);  // would derive other expiries first
  inputs.mrz = kMrz;

  const auto keys = plan(inputs, false);

  ASSERT_FALSE(keys.empty());
  EXPECT_EQ(keys[0].secret, kKeyExpiry2028);
  EXPECT_EQ(keys[0].source, KeySource::Mrz);
  EXPECT_EQ(keys[0].expiryBasis, ExpiryBasis::Stated);
}

TEST(AccessKey, DerivesCanFromTheMrzIdNumber) {
  AccessKeyInputs inputs;
  inputs.mrz = kMrz;

  const auto keys = plan(inputs, true);

  EXPECT_EQ(secrets(keys), (std::vector<std::string>{"012345", kKeyExpiry2028}));
  EXPECT_EQ(keys[0].source, KeySource::Mrz);
}

TEST(AccessKey, PrefersStatedExpiryOverDerivedOnes) {
  PersonalKeyData data = fromQr();
  data.noExpiry = true;

  const auto keys = plan(withPersonal(data), false);

  EXPECT_EQ(secrets(keys),
            (std::vector<std::string>{kKeyNoExpiry, kKeyExpiry2028, kKeyExpiry2043}));
  EXPECT_EQ(keys[0].expiryBasis, ExpiryBasis::Stated);
}

TEST(AccessKey, DerivesExpiryFromTodayWithoutIssueDate) {
  PersonalKeyData data = fromQr();
  data.dateOfIssue.reset();
  AccessKeyInputs inputs = withPersonal(data);
  inputs.today = date(2026, 1, 10);

  const auto keys = plan(inputs, false);

  // Aged 22: the 25th birthday next, else a card from the 14th birthday, else none.
  EXPECT_EQ(secrets(keys),
            (std::vector<std::string>{kKeyExpiry2028, "303012345703122441712243", kKeyNoExpiry}));
}

TEST(AccessKey, NeverPlansMoreThanThreeBacAttempts) {
  AttemptLimits generous;
  generous.bac = 10;

  const auto keys = plan(withPersonal(fromQr()), false, generous);

  EXPECT_EQ(keys.size(), kMaxBacAttempts);
}

TEST(AccessKey, HonoursALowerBacLimit) {
  AttemptLimits one;
  one.bac = 1;

  EXPECT_EQ(plan(withPersonal(fromQr()), false, one).size(), 1U);
}

TEST(AccessKey, NeverPlansMoreThanTwoPaceAttempts) {
  AccessKeyInputs inputs = withPersonal(fromQr());
  inputs.can = "654321";
  inputs.personal.push_back(fromQr());
  inputs.personal.back().idNumber = "001303999999";
  AttemptLimits generous;
  generous.pace = 5;
  generous.bac = 0;

  const auto keys = plan(inputs, true, generous);

  EXPECT_EQ(secrets(keys), (std::vector<std::string>{"654321", "012345"}));
}

TEST(AccessKey, DescribesOriginWithoutTheSecret) {
  const auto keys = plan(withPersonal(fromQr()), true);

  EXPECT_EQ(keys[0].describe(), "PACE with CAN, from QR_CODE");
  EXPECT_EQ(keys[1].describe(), "BAC, from QR_CODE, expiry at renewal age 25");
  for (const auto& key : keys) {
    EXPECT_EQ(key.describe().find("012345"), std::string::npos);
    EXPECT_EQ(key.describe().find("031224"), std::string::npos);
  }
}

TEST(AccessKey, RefusesMalformedCan) {
  AccessKeyInputs inputs;
  inputs.can = "12345";

  EXPECT_EQ(failure(inputs, true), "ACCESS_KEY: a CAN is 6 digits");
}

TEST(AccessKey, RefusesMrzWithBadCheckDigit) {
  std::string mrz = kMrz;
  mrz[14] = '0';  // document number check digit
  AccessKeyInputs inputs;
  inputs.mrz = mrz;

  EXPECT_EQ(failure(inputs, false).rfind("ACCESS_KEY: MRZ: ", 0), 0U);
}

TEST(AccessKey, RefusesMalformedIdNumberNamingItsSource) {
  PersonalKeyData data = fromQr();
  data.idNumber = "00130301234";

  EXPECT_EQ(failure(withPersonal(data), true).rfind("ACCESS_KEY: QR_CODE: ID_FORMAT:", 0), 0U);
}

TEST(AccessKey, RefusesInputsThatYieldNoKey) {
  AccessKeyInputs onlyCan;
  onlyCan.can = "654321";
  PersonalKeyData noBirth = fromQr();
  noBirth.dateOfBirth.reset();

  EXPECT_EQ(failure(onlyCan, false).rfind("ACCESS_KEY: no BAC key", 0), 0U);
  EXPECT_EQ(failure(withPersonal(noBirth), false).rfind("ACCESS_KEY: no BAC key", 0), 0U);
  EXPECT_EQ(failure(AccessKeyInputs{}, true).rfind("ACCESS_KEY: no key", 0), 0U);
}

}  // namespace
}  // namespace onestop::cccd
