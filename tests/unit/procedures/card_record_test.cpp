#include <gtest/gtest.h>

#include "onestop/procedures/procedure_registry.hpp"

namespace onestop::procedures {
namespace {

// The shape of card.read's person (host/workflows/src/card_contents.cpp personToJson), with
// synthetic data.
Json person() {
  return Json{{"idNumber", "001095012345"},
              {"fullName", "Nguyễn Văn Thử"},
              {"dateOfBirth", "15/06/1995"},
              {"sex", "M"},
              {"nationality", "Việt Nam"},
              {"ethnicity", "Kinh"},
              {"religion", "Không"},
              {"placeOfOrigin", "Xã Thử, Tỉnh Mẫu"},
              {"placeOfResidence", "Số 1 Phố Thử, Phường Hàng Bài, Quận Hoàn Kiếm, Hà Nội"},
              {"identifyingMarks", "Nốt ruồi"},
              {"dateOfIssue", "10/08/2021"},
              {"expiry", {{"text", "15/06/2035"}, {"date", "15/06/2035"}, {"noExpiry", false}}},
              {"father", {{"fullName", "Nguyễn Văn Cha"}, {"otherValues", Json::array()}}},
              {"mother", {{"fullName", "Trần Thị Mẹ"}, {"otherValues", Json::array()}}},
              {"spouse", nullptr},
              {"oldIdNumber", "012345678"}};
}

TEST(CardRecord, MapsPersonToTheSnakeCaseRecord) {
  const Json card = cardRecordFromPerson(person(), "chip", true);
  EXPECT_EQ(card["source"], "chip");
  EXPECT_EQ(card["verified"], true);
  EXPECT_EQ(card["id_number"], "001095012345");
  EXPECT_EQ(card["old_id_number"], "012345678");
  EXPECT_EQ(card["full_name"], "Nguyễn Văn Thử");
  EXPECT_EQ(card["date_of_birth"], "1995-06-15");
  EXPECT_EQ(card["date_of_birth_text"], "15/06/1995");
  EXPECT_EQ(card["sex"], "M");
  EXPECT_EQ(card["place_of_residence"], person()["placeOfResidence"]);
  EXPECT_EQ(card["date_of_issue"], "2021-08-10");
  EXPECT_EQ(card["date_of_expiry"], "2035-06-15");
  EXPECT_EQ(card["father_name"], "Nguyễn Văn Cha");
  EXPECT_EQ(card["mother_name"], "Trần Thị Mẹ");
  EXPECT_FALSE(card.contains("spouse_name"));
}

TEST(CardRecord, NoExpiryYearOnlyBirthAndMissingValuesAreLeftOut) {
  Json p = person();
  p["expiry"] = {{"text", "Không thời hạn"}, {"date", nullptr}, {"noExpiry", true}};
  p["dateOfBirth"] = "1950";
  p["oldIdNumber"] = "";
  p["sex"] = nullptr;
  const Json card = cardRecordFromPerson(p, "qr", false);
  EXPECT_FALSE(card.contains("date_of_expiry"));
  EXPECT_FALSE(card.contains("date_of_birth"));
  EXPECT_EQ(card["date_of_birth_text"], "1950");
  EXPECT_FALSE(card.contains("old_id_number"));
  EXPECT_FALSE(card.contains("sex"));
  EXPECT_EQ(card["verified"], false);
}

}  // namespace
}  // namespace onestop::procedures
