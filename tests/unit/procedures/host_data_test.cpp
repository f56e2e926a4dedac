// The shipped data: config/admin-units (34 provinces, 3,321 communes, old->new) and holidays.
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "procedure_fixture.hpp"

namespace onestop::procedures {
namespace {

Json readJson(const std::filesystem::path& file) {
  std::ifstream in(file);
  return Json::parse(in);
}

TEST(AdminUnits, ThirtyFourProvincesWithTheQd19Codes) {
  const auto doc = readJson(testing::configPaths().adminUnitsDir / "provinces.json");
  const auto& provinces = doc["provinces"];
  ASSERT_EQ(provinces.size(), 34U);
  std::set<std::string> codes;
  int cities = 0;
  for (const auto& p : provinces) {
    codes.insert(p["code"].get<std::string>());
    if (p["kind"] == "thanh_pho") ++cities;
    EXPECT_FALSE(p["merged_from"].empty()) << p["code"];
  }
  // Six in QĐ 19/2025; Đồng Nai became a centrally-run city in 2026 (the data follows it).
  EXPECT_EQ(cities, 7);
  const std::set<std::string> expected = {"01", "04", "08", "11", "12", "14", "15", "19", "20",
                                          "22", "24", "25", "31", "33", "37", "38", "40", "42",
                                          "44", "46", "48", "51", "52", "56", "66", "68", "75",
                                          "79", "80", "82", "86", "91", "92", "96"};
  EXPECT_EQ(codes, expected);
}

TEST(AdminUnits, EveryCommuneHasAFiveDigitCodeAndAKnownProvince) {
  const auto wards = readJson(testing::configPaths().adminUnitsDir / "wards.json")["wards"];
  EXPECT_EQ(wards.size(), 3321U);
  const auto data = testing::hostData();
  std::set<std::string> codes;
  for (const auto& w : wards) {
    const auto code = w["code"].get<std::string>();
    EXPECT_EQ(code.size(), 5U);
    EXPECT_TRUE(codes.insert(code).second) << "duplicate " << code;
    EXPECT_NE(data->province(w["province_code"].get<std::string>()), nullptr) << code;
    const auto kind = w["kind"].get<std::string>();
    EXPECT_TRUE(kind == "phuong" || kind == "xa" || kind == "dac_khu") << code;
  }
}

TEST(AdminUnits, OldWardsMapToTheirNewCommune) {
  const auto data = testing::hostData();
  const auto hangBai = data->oldToNew("Phường Hàng Bài", "Thành phố Hà Nội");
  ASSERT_TRUE(hangBai.has_value());
  EXPECT_EQ((*hangBai)["ward"]["name"], "Phường Cửa Nam");
  EXPECT_FALSE(hangBai->contains("partial"));
  EXPECT_FALSE(data->oldToNew("Phường Hàng Bài", "Cà Mau").has_value());  // other province
  EXPECT_FALSE(data->oldToNew("Phường Không Có", "Hà Nội").has_value());
}

TEST(Holidays, CoverTheThreeYearsWithStatus) {
  const auto doc = readJson(testing::configPaths().holidaysFile);
  std::set<std::string> years;
  std::set<std::string> dates;
  for (const auto& h : doc["holidays"]) {
    const auto date = h["date"].get<std::string>();
    years.insert(date.substr(0, 4));
    EXPECT_TRUE(dates.insert(date).second) << "duplicate " << date;
    const auto status = h["status"].get<std::string>();
    EXPECT_TRUE(status == "official" || status == "expected") << date;
  }
  EXPECT_EQ(years, (std::set<std::string>{"2025", "2026", "2027"}));
  for (const char* fixed : {"2025-01-01", "2025-04-30", "2025-05-01", "2025-09-02", "2026-01-01",
                            "2026-04-30", "2026-05-01", "2026-09-02", "2027-01-01", "2027-09-02"}) {
    EXPECT_TRUE(testing::hostData()->calendar().isHoliday(fixed)) << fixed;
  }
}

}  // namespace
}  // namespace onestop::procedures
