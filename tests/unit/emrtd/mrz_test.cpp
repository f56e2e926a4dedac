#include "onestop/emrtd/mrz.hpp"

#include <gtest/gtest.h>

namespace onestop::emrtd {
namespace {

// Synthetic person 1 of the test kit (cccd.md §2.1): not a real person.
constexpr std::string_view kVietnamese =
    "IDVNM0950123455001095012345<<6\n"
    "9506158M3506156VNM<<<<<<<<<<<8\n"
    "NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<\n";

// ICAO 9303-5 TD1 specimen.
constexpr std::string_view kIcaoSpecimen =
    "I<UTOD231458907<<<<<<<<<<<<<<<"
    "7408122F1204159UTO<<<<<<<<<<<6"
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<";

std::string withCharAt(std::string_view text, std::size_t index, char c) {
  std::string out(text);
  out[index] = c;
  return out;
}

TEST(Mrz, ParsesTheVietnameseLayout) {
  auto mrz = parseTd1(kVietnamese);
  ASSERT_TRUE(mrz.ok()) << mrz.error().detail();
  EXPECT_EQ(mrz->documentCode, "ID");
  EXPECT_EQ(mrz->issuingState, "VNM");
  EXPECT_EQ(mrz->documentNumber, "095012345");
  EXPECT_EQ(mrz->documentNumberCheckDigit, '5');
  EXPECT_EQ(mrz->idNumber, "001095012345");
  EXPECT_EQ(mrz->idNumberCheck, IdNumberCheck::Valid);
  EXPECT_EQ(mrz->dateOfBirth, "950615");
  EXPECT_EQ(mrz->sex, 'M');
  EXPECT_EQ(mrz->dateOfExpiry, "350615");
  EXPECT_EQ(mrz->nationality, "VNM");
  EXPECT_EQ(mrz->primaryIdentifier, "NGUYEN");
  EXPECT_EQ(mrz->secondaryIdentifier, "VAN AN");
}

TEST(Mrz, BuildsTheBacKeySeedString) {
  auto mrz = parseTd1(kVietnamese);
  ASSERT_TRUE(mrz.ok());
  EXPECT_EQ(mrz->bacMrzInformation(), "095012345595061583506156");
}

TEST(Mrz, BuildsTheIcaoAppendixDKeySeedString) {
  EXPECT_EQ(bacMrzInformation("L898902C", "690806", "940623"), "L898902C<369080619406236");
}

TEST(Mrz, ParsesTheIcaoSpecimenAsNinetyCharacters) {
  auto mrz = parseTd1(kIcaoSpecimen);
  ASSERT_TRUE(mrz.ok()) << mrz.error().detail();
  EXPECT_EQ(mrz->documentCode, "I");
  EXPECT_EQ(mrz->documentNumber, "D23145890");
  EXPECT_EQ(mrz->sex, 'F');
  EXPECT_EQ(mrz->primaryIdentifier, "ERIKSSON");
  EXPECT_EQ(mrz->secondaryIdentifier, "ANNA MARIA");
  EXPECT_TRUE(mrz->idNumber.empty());
  EXPECT_EQ(mrz->idNumberCheck, IdNumberCheck::Absent);
}

TEST(Mrz, ReadsALongDocumentNumberFromTheOptionalData) {
  auto mrz = parseTd1(
      "I<UTOD23145890<7349<<<<<<<<<<<"
      "7408122F1204159UTO<<<<<<<<<<<6"
      "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
  ASSERT_TRUE(mrz.ok()) << mrz.error().detail();
  EXPECT_EQ(mrz->documentNumber, "D23145890734");
  EXPECT_EQ(mrz->documentNumberCheckDigit, '9');
  EXPECT_TRUE(mrz->optionalData1.empty());
  EXPECT_EQ(mrz->bacMrzInformation(), "D23145890734974081221204159");
}

TEST(Mrz, RejectsLongDocumentNumberWithoutCheckDigit) {
  auto mrz = parseTd1(
      "I<UTOD23145890<<<<<<<<<<<<<<<<"
      "7408122F1204159UTO<<<<<<<<<<<6"
      "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
  ASSERT_FALSE(mrz.ok());
  EXPECT_NE(mrz.error().detail().find("document number"), std::string::npos);
}

struct BadDigitCase {
  std::size_t index;  // in the 90-character text
  const char* field;
};

class MrzBadCheckDigit : public ::testing::TestWithParam<BadDigitCase> {};

TEST_P(MrzBadCheckDigit, IsRejectedNamingTheField) {
  const std::string text = withCharAt(kIcaoSpecimen, GetParam().index, '0');
  auto mrz = parseTd1(text);
  ASSERT_FALSE(mrz.ok());
  EXPECT_EQ(mrz.error().reason(), Reason::ValidationFailed);
  EXPECT_NE(mrz.error().detail().find(GetParam().field), std::string::npos) << mrz.error().detail();
}

INSTANTIATE_TEST_SUITE_P(EveryField, MrzBadCheckDigit,
                         ::testing::Values(BadDigitCase{14, "document number"},
                                           BadDigitCase{36, "date of birth"},
                                           BadDigitCase{44, "date of expiry"},
                                           BadDigitCase{59, "composite"}));

TEST(Mrz, ChangedDataFailsItsCheckDigit) {
  // Birth day 12 -> 13: the birth-date check digit no longer matches.
  auto mrz = parseTd1(withCharAt(kIcaoSpecimen, 35, '3'));
  ASSERT_FALSE(mrz.ok());
  EXPECT_NE(mrz.error().detail().find("date of birth"), std::string::npos);
}

TEST(Mrz, ReportsAWrongVietnameseIdCheckDigitWithoutRefusing) {
  // Position 30 changed: the composite must be recomputed, so build the line 2 check again.
  std::string text(kVietnamese);
  text[29] = '7';
  const std::string l1 = text.substr(0, 30);
  const std::string l2 = text.substr(31, 30);
  text[31 + 29] =
      mrzCheckDigit(l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) + l2.substr(18, 11));
  auto mrz = parseTd1(text);
  ASSERT_TRUE(mrz.ok()) << mrz.error().detail();
  EXPECT_EQ(mrz->idNumberCheck, IdNumberCheck::Invalid);
}

TEST(Mrz, RejectsVietnameseIdThatDoesNotEndWithTheDocumentNumber) {
  std::string text(kVietnamese);
  text[26] = '6';  // ID 001095012346 vs document number 095012345
  auto mrz = parseTd1(text);
  ASSERT_FALSE(mrz.ok());
  EXPECT_EQ(mrz.error().reason(), Reason::ValidationFailed);
}

TEST(Mrz, AcceptsNoExpiryConvention) {
  // Synthetic person 2 of the test kit: expiry 991231 (no expiry).
  auto mrz = parseTd1(
      "IDVNM1580012348079158001234<<8\n"
      "5807020F9912315VNM<<<<<<<<<<<2\n"
      "TRAN<<THI<BICH<NGOC<<<<<<<<<<<\n");
  ASSERT_TRUE(mrz.ok()) << mrz.error().detail();
  EXPECT_EQ(mrz->dateOfExpiry, "991231");
  EXPECT_EQ(mrz->bacMrzInformation(), "158001234858070209912315");
  EXPECT_EQ(mrz->secondaryIdentifier, "THI BICH NGOC");
}

TEST(Mrz, RejectsWrongShapeAndCharacters) {
  EXPECT_FALSE(parseTd1("").ok());
  EXPECT_FALSE(parseTd1(std::string(kIcaoSpecimen).substr(0, 89)).ok());
  EXPECT_FALSE(parseTd1(withCharAt(kIcaoSpecimen, 70, 'a')).ok());
  EXPECT_FALSE(parseTd1(withCharAt(kIcaoSpecimen, 70, ' ')).ok());
  EXPECT_FALSE(parseTd1("A\nB\nC\nD").ok());
}

TEST(Mrz, RejectsUnknownSexCode) {
  auto mrz = parseTd1(withCharAt(kIcaoSpecimen, 37, 'Q'));
  ASSERT_FALSE(mrz.ok());
  EXPECT_NE(mrz.error().detail().find("sex"), std::string::npos);
}

TEST(Mrz, ComputesIcaoCheckDigits) {
  EXPECT_EQ(mrzCheckDigit("L898902C<"), '3');
  EXPECT_EQ(mrzCheckDigit("690806"), '1');
  EXPECT_EQ(mrzCheckDigit("991231"), '5');
  EXPECT_EQ(mrzCheckDigit(""), '0');
}

}  // namespace
}  // namespace onestop::emrtd
