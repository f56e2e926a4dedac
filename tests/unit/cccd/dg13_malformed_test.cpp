#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "dg13_builder.hpp"
#include "onestop/cccd/dg13.hpp"

namespace onestop::cccd {
namespace {

using namespace testing;  // NOLINT(google-build-using-namespace): test helpers

std::vector<Bytes> replaced(std::vector<Bytes> fields, std::size_t index, Bytes with) {
  fields[index] = std::move(with);
  return fields;
}

// The error detail for `file`, which must fail with ValidationFailed.
std::string failure(const Bytes& file) {
  auto record = parseDg13(file);
  EXPECT_FALSE(record.ok());
  if (record.ok()) return {};
  EXPECT_EQ(record.error().reason(), Reason::ValidationFailed);
  return record.error().detail();
}

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

TEST(Dg13Malformed, RefusesAnotherFileTag) {
  Bytes file = dg13(sample2021Fields());
  file[0] = 0x6B;

  EXPECT_EQ(failure(file), "DG13: not tag 6D");
}

TEST(Dg13Malformed, RefusesEveryTruncationWithoutCrashing) {
  const Bytes file = dg13(sample2021Fields());

  for (std::size_t size = 0; size < file.size(); ++size) {
    auto record = parseDg13(emrtd::ByteView(file.data(), size));

    ASSERT_FALSE(record.ok()) << "prefix of " << size << " bytes";
    EXPECT_EQ(record.error().reason(), Reason::ValidationFailed);
  }
}

TEST(Dg13Malformed, NamesTheFieldWhoseLengthOverruns) {
  auto fields = sample2021Fields();
  fields[8][1] = 0x7F;  // field 9 claims more bytes than the set holds

  const std::string detail = failure(dg13(fields));

  EXPECT_TRUE(startsWith(detail, "DG13 field 9 (place of residence): malformed")) << detail;
}

TEST(Dg13Malformed, NamesTheFieldWithInvalidUtf8WithoutItsText) {
  const Bytes bad = tlv(0x0C, {'P', 'h', 0xC3, 0x28, 'x'});

  const std::string detail = failure(dg13(replaced(sample2021Fields(), 8, field(9, {bad}))));

  EXPECT_EQ(detail, "DG13 field 9 (place of residence): text: invalid UTF-8 at byte 2");
}

TEST(Dg13Malformed, RefusesOverlongAndSurrogateUtf8) {
  for (const Bytes& bad : {Bytes{0xC0, 0xAF}, Bytes{0xED, 0xA0, 0x80},
                           Bytes{0xF4, 0x90, 0x80, 0x80}, Bytes{0xE1, 0x80}}) {
    const std::string detail =
        failure(dg13(replaced(sample2021Fields(), 1, field(2, {tlv(0x0C, bad)}))));

    EXPECT_TRUE(startsWith(detail, "DG13 field 2 (full name): text: invalid UTF-8")) << detail;
  }
}

TEST(Dg13Malformed, RefusesBadDateOfBirth) {
  const auto file = dg13(replaced(sample2021Fields(), 2, field(3, {printable("1988-02-03")})));

  EXPECT_EQ(failure(file), "DG13 field 3 (date of birth): not a dd/mm/yyyy date");
}

TEST(Dg13Malformed, RefusesIdNumberThatIsNotTwelveDigits) {
  const auto file = dg13(replaced(sample2021Fields(), 0, field(1, {printable("00130301234")})));

  EXPECT_TRUE(startsWith(failure(file), "DG13 field 1 (ID number): ID_FORMAT:"));
}

TEST(Dg13Malformed, RefusesUnknownSexWord) {
  const auto file = dg13(replaced(sample2021Fields(), 3, field(4, {utf8("Khác")})));

  EXPECT_EQ(failure(file), "DG13 field 4 (sex): neither Nam nor Nữ");
}

TEST(Dg13Malformed, RefusesRepeatedField) {
  auto fields = sample2021Fields();
  fields.push_back(field(2, {utf8("Lê Thị Ánh")}));

  EXPECT_EQ(failure(dg13(fields)), "DG13 field 2 (full name): appears twice");
}

TEST(Dg13Malformed, RefusesMissingMandatoryField) {
  auto fields = sample2021Fields();
  fields.erase(fields.begin() + 1);

  EXPECT_EQ(failure(dg13(fields)), "DG13 field 2 (full name): missing");
}

TEST(Dg13Malformed, RefusesMandatoryFieldWithoutValue) {
  EXPECT_EQ(failure(dg13(replaced(sample2021Fields(), 0, field(1)))),
            "DG13 field 1 (ID number): empty");
  EXPECT_EQ(failure(dg13(replaced(sample2021Fields(), 1, field(2, {utf8("")})))),
            "DG13 field 2 (full name): empty");
  EXPECT_EQ(failure(dg13(replaced(sample2021Fields(), 2, field(3)))),
            "DG13 field 3 (date of birth): empty");
}

TEST(Dg13Malformed, RefusesTwoValuesInATextField) {
  const auto file = dg13(replaced(sample2021Fields(), 5, field(6, {utf8("Kinh"), utf8("Tày")})));

  EXPECT_EQ(failure(file), "DG13 field 6 (ethnicity): more than one value");
}

TEST(Dg13Malformed, RefusesFieldWithoutNumber) {
  auto fields = sample2021Fields();
  fields.push_back(sequence({utf8("no number")}));

  EXPECT_TRUE(startsWith(failure(dg13(fields)), "DG13: the field after field 16"));
}

TEST(Dg13Malformed, RefusesSetElementThatIsNotASequence) {
  auto fields = sample2021Fields();
  fields.insert(fields.begin(), utf8("stray"));

  EXPECT_EQ(failure(dg13(fields)), "DG13: the first field is not a SEQUENCE");
}

TEST(Dg13Malformed, RefusesNegativeFieldNumber) {
  auto fields = sample2021Fields();
  fields.push_back(sequence({tlv(0x02, {0xFF}), utf8("x")}));

  EXPECT_TRUE(startsWith(failure(dg13(fields)), "DG13: the field after field 16 has a bad number"));
}

TEST(Dg13Malformed, RefusesIndefiniteLength) {
  Bytes file = dg13(sample2021Fields());
  file[1] = 0x80;

  EXPECT_TRUE(startsWith(failure(file), "DG13: TLV: indefinite length refused"));
}

TEST(Dg13Malformed, RefusesDeeplyNestedRelatives) {
  Bytes nested = utf8("Lê Văn Hùng");
  for (int i = 0; i < 12; ++i) nested = sequence({nested});

  const auto file = dg13(replaced(sample2021Fields(), 12, field(13, {nested})));

  EXPECT_EQ(failure(file), "DG13 field 13 (parents): nested deeper than 8 levels");
}

TEST(Dg13Malformed, RefusesWrongContainerLayout) {
  const Bytes noSet = tlv(0x6D, sequence({integer(1), emrtd::hexBytes("06 06 28 D3 16 01 00 08")}));

  EXPECT_EQ(failure(noSet), "DG13: SEQUENCE is not { INTEGER version, OID, SET of fields }");
}

TEST(Dg13Malformed, SurvivesRandomCorruption) {
  const Bytes original = dg13(sample2024Fields());
  std::mt19937 random(20240701);  // fixed seed: the same cases every run
  std::uniform_int_distribution<std::size_t> position(0, original.size() - 1);
  std::uniform_int_distribution<int> value(0, 255);

  for (int run = 0; run < 2000; ++run) {
    Bytes file = original;
    for (int flips = 0; flips < 1 + run % 4; ++flips) {
      file[position(random)] = static_cast<std::uint8_t>(value(random));
    }
    auto record = parseDg13(file);  // must return, ok or not
    if (!record.ok()) {
      EXPECT_EQ(record.error().reason(), Reason::ValidationFailed);
    }
  }
}

}  // namespace
}  // namespace onestop::cccd
