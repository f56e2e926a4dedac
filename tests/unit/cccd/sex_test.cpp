#include "onestop/cccd/sex.hpp"

#include <gtest/gtest.h>

namespace onestop::cccd {
namespace {

TEST(Sex, ParsesVietnameseWordsInAnyCase) {
  EXPECT_EQ(parseVietnameseSex("Nam"), Sex::Male);
  EXPECT_EQ(parseVietnameseSex("NAM"), Sex::Male);
  EXPECT_EQ(parseVietnameseSex("Nữ"), Sex::Female);
  EXPECT_EQ(parseVietnameseSex("NỮ"), Sex::Female);
}

TEST(Sex, RejectsOtherWords) {
  EXPECT_FALSE(parseVietnameseSex("Nu").has_value());
  EXPECT_FALSE(parseVietnameseSex("M").has_value());
  EXPECT_FALSE(parseVietnameseSex("").has_value());
}

TEST(Sex, LabelsRoundTrip) {
  EXPECT_EQ(parseVietnameseSex(vietnameseSexLabel(Sex::Male)), Sex::Male);
  EXPECT_EQ(parseVietnameseSex(vietnameseSexLabel(Sex::Female)), Sex::Female);
}

}  // namespace
}  // namespace onestop::cccd
