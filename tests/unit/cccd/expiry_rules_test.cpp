#include "onestop/cccd/expiry_rules.hpp"

#include <gtest/gtest.h>

#include "test_date.hpp"

namespace onestop::cccd {
namespace {

using testing::date;

// The renewal ages of the candidates in order, 0 for no expiry.
std::vector<int> ages(const std::vector<ExpiryCandidate>& candidates) {
  std::vector<int> out;
  for (const auto& c : candidates) out.push_back(c.renewalAge);
  return out;
}

const Date kBirth = date(1990, 3, 15);

TEST(ExpiryRules, IssuedAt26ExpiresAt40ThenTriesNeighbours) {
  const auto candidates = expiryCandidatesFromIssue(kBirth, date(2016, 4, 20));

  EXPECT_EQ(ages(candidates), (std::vector<int>{40, 25, 60, 0}));
  EXPECT_TRUE(candidates[0].byRule);
  EXPECT_FALSE(candidates[1].byRule);
  EXPECT_EQ(candidates[0].date, date(2030, 3, 15));
}

TEST(ExpiryRules, IssuedWithinTwoYearsBeforeRenewalAgeLastsUntilTheNext) {
  EXPECT_EQ(ages(expiryCandidatesFromIssue(kBirth, date(2013, 3, 14)))[0], 25);  // aged 22
  EXPECT_EQ(ages(expiryCandidatesFromIssue(kBirth, date(2013, 3, 15)))[0], 40);  // aged 23
  EXPECT_EQ(ages(expiryCandidatesFromIssue(kBirth, date(2028, 3, 15)))[0], 60);  // aged 38
}

TEST(ExpiryRules, TriesTheOtherSideOfANearBoundaryFirst) {
  EXPECT_EQ(ages(expiryCandidatesFromIssue(kBirth, date(2012, 6, 1))),  // aged 22
            (std::vector<int>{25, 40, 60, 0}));
  EXPECT_EQ(ages(expiryCandidatesFromIssue(kBirth, date(2013, 6, 1))),  // aged 23
            (std::vector<int>{40, 25, 60, 0}));
  EXPECT_EQ(ages(expiryCandidatesFromIssue(date(1964, 3, 15), date(2021, 6, 1))),  // aged 57
            (std::vector<int>{60, 0, 40, 25}));
}

TEST(ExpiryRules, IssuedAt58OrLaterHasNoExpiryFirst) {
  const auto candidates = expiryCandidatesFromIssue(date(1959, 1, 2), date(2021, 3, 1));  // 62

  EXPECT_EQ(ages(candidates), (std::vector<int>{0, 60, 40, 25}));
  EXPECT_FALSE(candidates[0].date.has_value());
  EXPECT_EQ(mrzExpiry(candidates[0]), "991231");
}

TEST(ExpiryRules, CardsFromJuly2024AddRenewalAge14) {
  const auto candidates = expiryCandidatesFromIssue(date(2014, 9, 1), date(2024, 9, 5));  // 10

  EXPECT_EQ(ages(candidates), (std::vector<int>{14, 25, 40, 60, 0}));
  EXPECT_EQ(candidates[0].date, date(2028, 9, 1));
}

TEST(ExpiryRules, CardsBeforeJuly2024KnowNoAge14) {
  const auto candidates = expiryCandidatesFromIssue(date(2010, 9, 1), date(2024, 6, 30));  // 13

  EXPECT_EQ(ages(candidates)[0], 25);
  EXPECT_EQ(candidates.size(), 4U);
}

TEST(ExpiryRules, LeapDayBirthExpiresOnFebruary28) {
  const auto candidates = expiryCandidatesFromIssue(date(2000, 2, 29), date(2021, 1, 1));

  EXPECT_EQ(candidates[0].date, date(2025, 2, 28));
  EXPECT_EQ(mrzExpiry(candidates[0]), "250228");
}

TEST(ExpiryRules, WithoutIssueDateTakesNextRenewalThenLastOne) {
  EXPECT_EQ(ages(expiryCandidatesOn(kBirth, date(2026, 1, 10))),  // aged 35
            (std::vector<int>{40, 25, 0}));
}

TEST(ExpiryRules, WithoutIssueDateNearARenewalAlsoTriesTheFollowingOne) {
  EXPECT_EQ(ages(expiryCandidatesOn(kBirth, date(2029, 1, 10))),  // aged 38
            (std::vector<int>{40, 60, 25, 0}));
  EXPECT_EQ(ages(expiryCandidatesOn(kBirth, date(2049, 1, 10))),  // aged 58
            (std::vector<int>{60, 0, 40}));
}

TEST(ExpiryRules, WithoutIssueDatePastSixtyTriesNoExpiryFirst) {
  EXPECT_EQ(ages(expiryCandidatesOn(date(1950, 5, 5), date(2026, 1, 10))),
            (std::vector<int>{0, 60}));
}

}  // namespace
}  // namespace onestop::cccd
