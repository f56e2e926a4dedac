#include "onestop/cccd/province_codes.hpp"

#include <gtest/gtest.h>

namespace onestop::cccd {
namespace {

TEST(ProvinceCodes, NamesDomesticCodes) {
  EXPECT_EQ(lookupProvinceCode("001").name, "Hà Nội");
  EXPECT_EQ(lookupProvinceCode("079").name, "TP Hồ Chí Minh");
  EXPECT_EQ(lookupProvinceCode("096").name, "Cà Mau");
  EXPECT_EQ(lookupProvinceCode("024").kind, ProvinceCodeKind::Domestic);
}

TEST(ProvinceCodes, KeepsOldMeaningOfCodesReusedAfterTheMerger) {
  // New code 24 is the merged Bắc Ninh; ID prefix 024 still means old Bắc Giang.
  EXPECT_EQ(lookupProvinceCode("024").name, "Bắc Giang");
  EXPECT_EQ(lookupProvinceCode("052").name, "Bình Định");
}

TEST(ProvinceCodes, ClassifiesCountryCodesAsAbroad) {
  for (const char* code : {"101", "200", "295"}) {
    const ProvinceCode found = lookupProvinceCode(code);

    EXPECT_EQ(found.kind, ProvinceCodeKind::Abroad) << code;
    EXPECT_TRUE(found.name.empty());
  }
}

TEST(ProvinceCodes, ReportsGapsAndOutOfRangeCodesAsUnknown) {
  for (const char* code : {"000", "003", "097", "100", "296", "999", "01", "0011", "a01", ""}) {
    EXPECT_EQ(lookupProvinceCode(code).kind, ProvinceCodeKind::Unknown) << code;
  }
}

TEST(ProvinceCodes, CoversAllSixtyThreeOldProvinces) {
  int domestic = 0;
  for (int value = 0; value < 100; ++value) {
    const std::string code = "0" + std::string(value < 10 ? "0" : "") + std::to_string(value);
    if (lookupProvinceCode(code).kind == ProvinceCodeKind::Domestic) ++domestic;
  }

  EXPECT_EQ(domestic, 63);
}

}  // namespace
}  // namespace onestop::cccd
