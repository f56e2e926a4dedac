#include "onestop/cccd/card_generation.hpp"

#include <gtest/gtest.h>

#include "test_date.hpp"

namespace onestop::cccd {
namespace {

using testing::date;

TEST(CardGeneration, SplitsOnFirstJuly2024) {
  EXPECT_EQ(generationFromIssueDate(date(2024, 6, 30)), CardGeneration::Cccd2021);
  EXPECT_EQ(generationFromIssueDate(date(2024, 7, 1)), CardGeneration::CanCuoc2024);
  EXPECT_EQ(generationFromIssueDate(date(2021, 1, 15)), CardGeneration::Cccd2021);
}

TEST(CardGeneration, LabelsPlacesByGeneration) {
  EXPECT_EQ(placeOfOriginLabel(CardGeneration::Cccd2021), "Quê quán");
  EXPECT_EQ(placeOfOriginLabel(CardGeneration::CanCuoc2024), "Nơi đăng ký khai sinh");
  EXPECT_EQ(placeOfResidenceLabel(CardGeneration::Cccd2021), "Nơi thường trú");
  EXPECT_EQ(placeOfResidenceLabel(CardGeneration::CanCuoc2024), "Nơi cư trú");
  EXPECT_EQ(placeOfResidenceLabel(CardGeneration::Unknown), "Nơi thường trú");
}

TEST(CardGeneration, NamesGenerations) {
  EXPECT_EQ(cardGenerationName(CardGeneration::Cccd2021), "CCCD_2021");
  EXPECT_EQ(cardGenerationName(CardGeneration::CanCuoc2024), "CAN_CUOC_2024");
  EXPECT_EQ(cardGenerationName(CardGeneration::Unknown), "UNKNOWN");
}

}  // namespace
}  // namespace onestop::cccd
