#include "onestop/emrtd/dg1.hpp"

#include <gtest/gtest.h>

#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd {
namespace {

// Synthetic person 1 of the test kit (cccd.md §2.1): not a real person.
constexpr std::string_view kMrz =
    "IDVNM0950123455001095012345<<6"
    "9506158M3506156VNM<<<<<<<<<<<8"
    "NGUYEN<<VAN<AN<<<<<<<<<<<<<<<<";

Bytes dg1(std::string_view mrz) {
  return encodeTlv(0x61, encodeTlv(0x5F1F, Bytes(mrz.begin(), mrz.end())));
}

void expectInvalid(const Result<Dg1>& parsed) {
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(parsed.error().detail().rfind("DG1: ", 0), 0u) << parsed.error().detail();
}

TEST(Dg1, ParsesTheMrzOfACccd) {
  const Bytes file = dg1(kMrz);
  ASSERT_EQ(file.size(), 95u);  // 61 5D 5F 1F 5A + 90 (cccd.md §5)
  EXPECT_EQ(toHex(ByteView(file.data(), 5)), "615D5F1F5A");
  auto parsed = parseDg1(file);
  ASSERT_TRUE(parsed.ok()) << parsed.error().detail();
  EXPECT_EQ(parsed->mrzText, kMrz);
  EXPECT_EQ(parsed->mrz.documentNumber, "095012345");
  EXPECT_EQ(parsed->mrz.idNumber, "001095012345");
  EXPECT_EQ(parsed->mrz.dateOfBirth, "950615");
  EXPECT_EQ(parsed->mrz.primaryIdentifier, "NGUYEN");
  EXPECT_EQ(parsed->mrz.secondaryIdentifier, "VAN AN");
}

TEST(Dg1, RejectsAnMrzOfAnotherLength) {
  expectInvalid(parseDg1(dg1(kMrz.substr(0, 88))));
  expectInvalid(parseDg1(dg1(std::string(kMrz) + "<")));
}

TEST(Dg1, RejectsAWrongCheckDigitNamingTheMrz) {
  std::string bad(kMrz);
  bad[14] = '4';  // document number check digit
  auto parsed = parseDg1(dg1(bad));
  expectInvalid(parsed);
  EXPECT_NE(parsed.error().detail().find("MRZ"), std::string::npos);
}

TEST(Dg1, RejectsAMissingMrzObjectAndAnotherFile) {
  expectInvalid(parseDg1(encodeTlv(0x61, Bytes{})));
  expectInvalid(parseDg1(encodeTlv(0x61, encodeTlv(0x5F20, Bytes(90, '<')))));
  Bytes wrongTag = dg1(kMrz);
  wrongTag[0] = 0x75;
  expectInvalid(parseDg1(wrongTag));
}

TEST(Dg1, RejectsTrailingBytesInsideAndOutside) {
  Bytes outside = dg1(kMrz);
  outside.push_back(0x00);
  expectInvalid(parseDg1(outside));
  Bytes inner = encodeTlv(0x5F1F, Bytes(kMrz.begin(), kMrz.end()));
  inner.push_back(0x00);
  expectInvalid(parseDg1(encodeTlv(0x61, inner)));
}

TEST(Dg1, RejectsEveryTruncation) {
  const Bytes file = dg1(kMrz);
  for (std::size_t n = 0; n < file.size(); ++n) expectInvalid(parseDg1(ByteView(file.data(), n)));
}

}  // namespace
}  // namespace onestop::emrtd
