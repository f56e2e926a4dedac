#include "onestop/cccd/qr_payload.hpp"

#include <gtest/gtest.h>

#include "test_date.hpp"

namespace onestop::cccd {
namespace {

using testing::date;

// Fictitious holders (the same as in the DG13 tests).
const std::string kQr2021 =
    "001303012345||Lê Thị Ánh Tuyết|24122003|Nữ|"
    "Số 12 ngõ 34 phố Huế, Phường Phố Huế, Quận Hai Bà Trưng, Hà Nội|10052021";
const std::string kQr2024 =
    "031088004567|031456789|Đặng Quốc Bảo|03021988|Nam|"
    "Tổ dân phố 5, Phường Lê Chân, Thành phố Hải Phòng|15082024|Thành phố Hải Phòng||"
    "Bộ Công an";

QrPayload parsedOrFail(std::string_view text) {
  auto qr = parseCccdQr(text);
  EXPECT_TRUE(qr.ok()) << qr.error().detail();
  return qr.ok() ? *qr : QrPayload{};
}

std::string failure(std::string_view text) {
  auto qr = parseCccdQr(text);
  EXPECT_FALSE(qr.ok());
  if (qr.ok()) return {};
  EXPECT_EQ(qr.error().reason(), Reason::QrNotCccd);
  EXPECT_EQ(qr.error().detail().rfind("QR_NOT_CCCD: ", 0), 0U) << qr.error().detail();
  return qr.error().detail();
}

std::string withField(std::string text, std::size_t index, const std::string& value) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < index; ++i) start = text.find('|', start) + 1;
  const std::size_t end = text.find('|', start);
  return text.replace(start, end == std::string::npos ? std::string::npos : end - start, value);
}

TEST(QrPayload, Parses2021Payload) {
  const QrPayload qr = parsedOrFail(kQr2021);

  EXPECT_EQ(qr.generation, CardGeneration::Cccd2021);
  EXPECT_EQ(qr.fieldCount, 7U);
  EXPECT_EQ(qr.idNumber, "001303012345");
  EXPECT_TRUE(qr.oldIdNumber.empty());
  EXPECT_EQ(qr.fullName, "Lê Thị Ánh Tuyết");
  EXPECT_EQ(qr.dateOfBirth, date(2003, 12, 24));
  EXPECT_EQ(qr.sex, Sex::Female);
  EXPECT_EQ(qr.address, "Số 12 ngõ 34 phố Huế, Phường Phố Huế, Quận Hai Bà Trưng, Hà Nội");
  EXPECT_EQ(qr.dateOfIssue, date(2021, 5, 10));
  EXPECT_TRUE(qr.extraFields.empty());
  EXPECT_TRUE(qr.idFindings.empty());
}

TEST(QrPayload, Parses2024PayloadKeepingFurtherFields) {
  const QrPayload qr = parsedOrFail(kQr2024);

  EXPECT_EQ(qr.generation, CardGeneration::CanCuoc2024);
  EXPECT_EQ(qr.fieldCount, 10U);
  EXPECT_EQ(qr.oldIdNumber, "031456789");
  EXPECT_EQ(qr.sex, Sex::Male);
  EXPECT_EQ(qr.extraFields, (std::vector<std::string>{"Thành phố Hải Phòng", "", "Bộ Công an"}));
}

TEST(QrPayload, LeavesGenerationUnknownForEightOrNineFields) {
  EXPECT_EQ(parsedOrFail(kQr2021 + "|x").generation, CardGeneration::Unknown);
  EXPECT_EQ(parsedOrFail(kQr2021 + "|x|y").generation, CardGeneration::Unknown);
}

TEST(QrPayload, IgnoresByteOrderMarkAndSurroundingWhitespace) {
  EXPECT_EQ(parsedOrFail("\xEF\xBB\xBF" + kQr2021 + "\r\n").dateOfIssue, date(2021, 5, 10));
}

TEST(QrPayload, NormalizesDecomposedTextToNfc) {
  const std::string decomposed = withField(kQr2021, 2, "Nguye\xCC\x82\xCC\x83n Va\xCC\x86n");

  EXPECT_EQ(parsedOrFail(decomposed).fullName, "Nguyễn Văn");
}

TEST(QrPayload, AcceptsTwelveDigitOldIdNumber) {
  EXPECT_EQ(parsedOrFail(withField(kQr2024, 1, "031188001234")).oldIdNumber, "031188001234");
}

TEST(QrPayload, ReportsIdNumberInconsistenciesSoftly) {
  const QrPayload qr = parsedOrFail(withField(kQr2021, 3, "24121998"));

  ASSERT_EQ(qr.idFindings.size(), 1U);
  EXPECT_EQ(qr.idFindings[0].check, IdCheck::BirthYear);
}

TEST(QrPayload, RefusesEmptyText) {
  EXPECT_EQ(failure(" \r\n"), "QR_NOT_CCCD: empty text");
}

TEST(QrPayload, RecognisesAUrl) {
  EXPECT_EQ(failure("https://example.org/x?y=1"), "QR_NOT_CCCD: a URL, not '|'-separated fields");
}

TEST(QrPayload, DescribesForeignTextBySizeOnly) {
  EXPECT_EQ(failure("WIFI:S:cafe;T:WPA;P:secret;;"),
            "QR_NOT_CCCD: text of 28 bytes without '|' separators");
}

TEST(QrPayload, RefusesTooFewFields) {
  EXPECT_EQ(failure("001303012345||Lê Thị Ánh Tuyết|24122003"),
            "QR_NOT_CCCD: 4 '|'-separated fields, a CCCD QR code has at least 7");
}

TEST(QrPayload, RefusesInvalidUtf8) {
  EXPECT_EQ(failure("001303012345||L\xFF|24122003|N|a|10052021"),
            "QR_NOT_CCCD: not UTF-8 text (invalid byte at 15)");
}

TEST(QrPayload, NamesTheFieldThatIsWrong) {
  EXPECT_EQ(failure(withField(kQr2021, 0, "00130301234")),
            "QR_NOT_CCCD: field 1 is not a 12-digit ID number");
  EXPECT_EQ(failure(withField(kQr2021, 1, "12345")),
            "QR_NOT_CCCD: field 2 is neither empty nor a 9- or 12-digit old ID number");
  EXPECT_EQ(failure(withField(kQr2021, 2, "")), "QR_NOT_CCCD: field 3 (full name) is empty");
  EXPECT_EQ(failure(withField(kQr2021, 3, "24/12/2003")),
            "QR_NOT_CCCD: field 4 (date of birth) is not a ddmmyyyy date");
  EXPECT_EQ(failure(withField(kQr2021, 4, "F")),
            "QR_NOT_CCCD: field 5 (sex) is neither Nam nor Nữ");
  EXPECT_EQ(failure(withField(kQr2021, 6, "31022021")),
            "QR_NOT_CCCD: field 7 (date of issue) is not a ddmmyyyy date");
}

TEST(QrPayload, RefusesIssueDateBeforeBirth) {
  EXPECT_EQ(failure(withField(kQr2021, 6, "01012001")),
            "QR_NOT_CCCD: the date of issue precedes the date of birth");
}

TEST(QrPayload, ErrorsNeverRepeatTheContent) {
  const std::string detail = failure(withField(kQr2021, 4, "Khác"));

  EXPECT_EQ(detail.find("Tuyết"), std::string::npos);
  EXPECT_EQ(detail.find("001303012345"), std::string::npos);
}

TEST(QrPayload, GivesAccessKeyInputs) {
  const PersonalKeyData data = keyDataFromQr(parsedOrFail(kQr2021));

  EXPECT_EQ(data.source, KeySource::QrCode);
  EXPECT_EQ(data.idNumber, "001303012345");
  EXPECT_EQ(data.dateOfBirth, date(2003, 12, 24));
  EXPECT_EQ(data.dateOfIssue, date(2021, 5, 10));
  EXPECT_FALSE(data.dateOfExpiry.has_value());
}

TEST(QrPayload, LeadsToPaceCanAndDerivedBacKeys) {
  AccessKeyInputs inputs;
  inputs.personal.push_back(keyDataFromQr(parsedOrFail(kQr2021)));
  ChipAccess chip;
  chip.paceOffered = true;

  auto keys = planAccessKeys(inputs, chip);

  ASSERT_TRUE(keys.ok()) << keys.error().detail();
  ASSERT_EQ(keys->size(), 4U);
  EXPECT_EQ((*keys)[0].secret, "012345");
  EXPECT_EQ((*keys)[1].secret, "303012345703122442812243");
}

}  // namespace
}  // namespace onestop::cccd
