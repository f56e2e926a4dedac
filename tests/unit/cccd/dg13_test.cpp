#include "onestop/cccd/dg13.hpp"

#include <gtest/gtest.h>

#include "test_date.hpp"

#include "dg13_builder.hpp"

namespace onestop::cccd {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): test helpers

using testing::date;

CitizenRecord parsedOrFail(const Bytes& file) {
  auto record = parseDg13(file);
  EXPECT_TRUE(record.ok()) << record.error().detail();
  return record.ok() ? *record : CitizenRecord{};
}

std::vector<Bytes> replaced(std::vector<Bytes> fields, std::size_t index, Bytes with) {
  fields[index] = std::move(with);
  return fields;
}

TEST(Dg13, Parses2021CardIntoTypedRecord) {
  const CitizenRecord r = parsedOrFail(dg13(sample2021Fields()));

  EXPECT_EQ(r.dg13Version, 1);
  EXPECT_EQ(r.encodingOid, "1.0.10646.1.0.8");
  EXPECT_EQ(r.generation, CardGeneration::Cccd2021);
  EXPECT_EQ(r.idNumber, "001303012345");
  EXPECT_EQ(r.fullName, "Lê Thị Ánh Tuyết");
  EXPECT_EQ(r.dateOfBirth, date(2003, 12, 24));
  EXPECT_EQ(r.sex, Sex::Female);
  EXPECT_EQ(r.nationality, "Việt Nam");
  EXPECT_EQ(r.ethnicity, "Kinh");
  EXPECT_EQ(r.religion, "Không");
  EXPECT_EQ(r.placeOfOrigin, "Xã Yên Sở, Huyện Hoài Đức, Hà Nội");
  EXPECT_EQ(r.placeOfResidence, "Số 12 ngõ 34 phố Huế, Phường Phố Huế, Quận Hai Bà Trưng, Hà Nội");
  EXPECT_EQ(r.identifyingMarks, "Nốt ruồi C:1cm trên trước mép phải");
  EXPECT_EQ(r.dateOfIssue, date(2021, 5, 10));
  ASSERT_TRUE(r.expiry.has_value());
  EXPECT_EQ(r.expiry->date, date(2028, 12, 24));
  EXPECT_FALSE(r.expiry->noExpiry);
  ASSERT_TRUE(r.father.has_value());
  EXPECT_EQ(r.father->fullName, "Lê Văn Hùng");
  ASSERT_TRUE(r.mother.has_value());
  EXPECT_EQ(r.mother->fullName, "Phạm Thị Mai");
  EXPECT_FALSE(r.spouse.has_value());
  EXPECT_TRUE(r.oldIdNumber.empty());
  EXPECT_EQ(r.field16, "3C9A0F11B27D4E65");
  EXPECT_TRUE(r.unknownFields.empty());
}

TEST(Dg13, Parses2024CardWithSpouseOldIdAndExtraField) {
  const CitizenRecord r = parsedOrFail(dg13(sample2024Fields()));

  EXPECT_EQ(r.generation, CardGeneration::CanCuoc2024);
  EXPECT_EQ(r.sex, Sex::Male);
  ASSERT_TRUE(r.spouse.has_value());
  EXPECT_EQ(r.spouse->fullName, "Vũ Thị Thu Hà");
  EXPECT_EQ(r.oldIdNumber, "031456789");
  ASSERT_EQ(r.unknownFields.size(), 1U);
  EXPECT_EQ(r.unknownFields[0].number, 17U);
  EXPECT_EQ(r.unknownFields[0].value, utf8("Bộ Công an"));
}

TEST(Dg13, KeepsUnknownFieldNumbersWithTheirBytes) {
  auto fields = sample2021Fields();
  const Bytes odd = sequence({printable("X"), tlv(0x04, {0x01, 0x02})});
  fields.push_back(field(0, {printable("zero")}));
  fields.push_back(field(300, {odd}));

  const CitizenRecord r = parsedOrFail(dg13(fields));

  ASSERT_EQ(r.unknownFields.size(), 2U);
  EXPECT_EQ(r.unknownFields[0].number, 0U);
  EXPECT_EQ(r.unknownFields[0].value, printable("zero"));
  EXPECT_EQ(r.unknownFields[1].number, 300U);
  EXPECT_EQ(r.unknownFields[1].value, odd);
}

TEST(Dg13, NormalizesDecomposedVietnameseToNfc) {
  // "Nguyễn" written as u + ... e + U+0302 (circumflex) + U+0303 (tilde), as some keyboards do.
  const auto file =
      dg13(replaced(sample2021Fields(), 1, field(2, {utf8("Nguye\xCC\x82\xCC\x83n")})));

  EXPECT_EQ(parsedOrFail(file).fullName, "Nguyễn");
}

TEST(Dg13, DecodesPrintableStringsAsUtf8) {
  const auto file = dg13(replaced(sample2021Fields(), 4, field(5, {printable("Việt Nam")})));

  EXPECT_EQ(parsedOrFail(file).nationality, "Việt Nam");
}

TEST(Dg13, ReadsParentsGivenInOneSequence) {
  const auto parents = field(13, {sequence({utf8("Lê Văn Hùng"), utf8("Phạm Thị Mai")})});

  const CitizenRecord r = parsedOrFail(dg13(replaced(sample2021Fields(), 12, parents)));

  ASSERT_TRUE(r.father && r.mother);
  EXPECT_EQ(r.father->fullName, "Lê Văn Hùng");
  EXPECT_EQ(r.mother->fullName, "Phạm Thị Mai");
}

TEST(Dg13, KeepsMothersPositionWhenFatherIsMissing) {
  const auto parents = field(13, {sequence({}), sequence({utf8("Phạm Thị Mai")})});

  const CitizenRecord r = parsedOrFail(dg13(replaced(sample2021Fields(), 12, parents)));

  EXPECT_FALSE(r.father.has_value());
  ASSERT_TRUE(r.mother.has_value());
  EXPECT_EQ(r.mother->fullName, "Phạm Thị Mai");
}

TEST(Dg13, KeepsFurtherValuesOfARelative) {
  const auto spouse = field(14, {sequence({utf8("Vũ Thị Thu Hà"), printable("031190001234")})});

  const CitizenRecord r = parsedOrFail(dg13(replaced(sample2024Fields(), 13, spouse)));

  ASSERT_TRUE(r.spouse.has_value());
  EXPECT_EQ(r.spouse->otherValues, std::vector<std::string>{"031190001234"});
}

TEST(Dg13, LeavesRelativesEmptyWhenFieldsAreAbsent) {
  auto fields = sample2021Fields();
  fields.erase(fields.begin() + 12, fields.begin() + 14);

  const CitizenRecord r = parsedOrFail(dg13(fields));

  EXPECT_FALSE(r.father || r.mother || r.spouse);
}

TEST(Dg13, FlagsNoExpiryAndKeepsItsText) {
  const auto file = dg13(replaced(sample2021Fields(), 11, field(12, {utf8("Không thời hạn")})));

  const CitizenRecord r = parsedOrFail(file);

  ASSERT_TRUE(r.expiry.has_value());
  EXPECT_TRUE(r.expiry->noExpiry);
  EXPECT_FALSE(r.expiry->date.has_value());
  EXPECT_EQ(r.expiry->text, "Không thời hạn");
}

TEST(Dg13, KeepsUnrecognizedExpiryTextWithoutGuessing) {
  const auto file = dg13(replaced(sample2021Fields(), 11, field(12, {utf8("xx/yy/zzzz")})));

  const CitizenRecord r = parsedOrFail(file);

  ASSERT_TRUE(r.expiry.has_value());
  EXPECT_FALSE(r.expiry->noExpiry);
  EXPECT_FALSE(r.expiry->date.has_value());
  EXPECT_EQ(r.expiry->text, "xx/yy/zzzz");
}

TEST(Dg13, ReadsLongFormLengths) {
  const std::string longAddress(300, 'a');
  const auto file = dg13(replaced(sample2021Fields(), 8, field(9, {utf8(longAddress)})));

  EXPECT_EQ(parsedOrFail(file).placeOfResidence, longAddress);
}

TEST(Dg13, AcceptsFieldsOutOfOrder) {
  auto fields = sample2021Fields();
  std::swap(fields[0], fields[5]);

  EXPECT_EQ(parsedOrFail(dg13(fields)).idNumber, "001303012345");
}

TEST(Dg13, NamesFields) {
  EXPECT_EQ(dg13FieldName(3), "date of birth");
  EXPECT_EQ(dg13FieldName(9), "place of residence");
  EXPECT_EQ(dg13FieldName(99), "unknown");
}

}  // namespace
}  // namespace onestop::cccd
