// Option value conversion (INT, FIXED, BOOL), constraints and resolution lists from ranges.
#include <gtest/gtest.h>

#include "sane_options.hpp"

namespace onestop::sane {
namespace {

SANE_Option_Descriptor numeric(SANE_Value_Type type) {
  SANE_Option_Descriptor d{};
  d.name = "resolution";
  d.type = type;
  d.unit = SANE_UNIT_DPI;
  d.size = sizeof(SANE_Word);
  d.cap = SANE_CAP_SOFT_SELECT | SANE_CAP_SOFT_DETECT;
  return d;
}

TEST(SaneOptionValues, FixedIsSixteenDotSixteen) {
  EXPECT_EQ(wordFromNumber(1.0, SANE_TYPE_FIXED), 1 << 16);
  EXPECT_EQ(wordFromNumber(210.5, SANE_TYPE_FIXED), (210 << 16) + (1 << 15));
  EXPECT_DOUBLE_EQ(numberFromWord(SANE_FIX(297.0), SANE_TYPE_FIXED), 297.0);
  EXPECT_NEAR(numberFromWord(wordFromNumber(25.4, SANE_TYPE_FIXED), SANE_TYPE_FIXED), 25.4, 1e-4);
  // Out of the 16.16 range: clamped instead of wrapping round.
  EXPECT_GT(wordFromNumber(1e9, SANE_TYPE_FIXED), 0);
}

TEST(SaneOptionValues, IntAndBoolArePlainWords) {
  EXPECT_EQ(wordFromNumber(300.0, SANE_TYPE_INT), 300);
  EXPECT_EQ(wordFromNumber(299.6, SANE_TYPE_INT), 300);
  EXPECT_DOUBLE_EQ(numberFromWord(600, SANE_TYPE_INT), 600.0);
  EXPECT_EQ(wordFromNumber(1.0, SANE_TYPE_BOOL), SANE_TRUE);
  EXPECT_EQ(wordFromNumber(0.0, SANE_TYPE_BOOL), SANE_FALSE);
}

TEST(SaneOptionValues, WordListsOfIntAndFixed) {
  const SANE_Word ints[] = {3, 150, 300, 600};
  auto d = numeric(SANE_TYPE_INT);
  d.constraint_type = SANE_CONSTRAINT_WORD_LIST;
  d.constraint.word_list = ints;
  EXPECT_EQ(wordListValues(d), (std::vector<double>{150, 300, 600}));
  EXPECT_DOUBLE_EQ(nearestAllowed(d, 200), 150);
  EXPECT_DOUBLE_EQ(nearestAllowed(d, 500), 600);

  const SANE_Word fixed[] = {2, SANE_FIX(75.0), SANE_FIX(1200.0)};
  auto f = numeric(SANE_TYPE_FIXED);
  f.constraint_type = SANE_CONSTRAINT_WORD_LIST;
  f.constraint.word_list = fixed;
  EXPECT_EQ(wordListValues(f), (std::vector<double>{75, 1200}));
  EXPECT_FALSE(rangeOf(f).has_value());
}

TEST(SaneOptionValues, RangesOfFixedAreQuantised) {
  const SANE_Range range{SANE_FIX(50.0), SANE_FIX(1200.0), SANE_FIX(25.0)};
  auto d = numeric(SANE_TYPE_FIXED);
  d.constraint_type = SANE_CONSTRAINT_RANGE;
  d.constraint.range = &range;
  const auto r = rangeOf(d);
  ASSERT_TRUE(r.has_value());
  EXPECT_DOUBLE_EQ(r->min, 50);
  EXPECT_DOUBLE_EQ(r->max, 1200);
  EXPECT_DOUBLE_EQ(r->quant, 25);
  EXPECT_DOUBLE_EQ(nearestAllowed(d, 160), 150);
  EXPECT_DOUBLE_EQ(nearestAllowed(d, 5000), 1200);
  EXPECT_DOUBLE_EQ(nearestAllowed(d, 10), 50);
  EXPECT_FALSE(wordListValues(d).has_value());
}

TEST(SaneResolutionList, ARangeOffersTheCommonValuesInsideIt) {
  EXPECT_EQ(resolutionsFromRange({1, 1200, 1}),
            (std::vector<std::uint32_t>{75, 100, 150, 200, 300, 600}));
  EXPECT_EQ(resolutionsFromRange({100, 300, 0}), (std::vector<std::uint32_t>{100, 150, 200, 300}));
}

TEST(SaneResolutionList, TheQuantisationDecidesWhatIsReachable) {
  // Steps of 100 from 100: 75 and 150 cannot be set.
  EXPECT_EQ(resolutionsFromRange({100, 600, 100}),
            (std::vector<std::uint32_t>{100, 200, 300, 600}));
}

TEST(SaneResolutionList, ARangeWithoutCommonValuesOffersItsEnds) {
  EXPECT_EQ(resolutionsFromRange({40, 70, 1}), (std::vector<std::uint32_t>{40, 70}));
  EXPECT_EQ(resolutionsFromRange({1200, 1200, 0}), (std::vector<std::uint32_t>{1200}));
}

}  // namespace
}  // namespace onestop::sane
