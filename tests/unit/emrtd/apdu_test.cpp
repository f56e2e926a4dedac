#include "onestop/emrtd/apdu.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace onestop::emrtd {
namespace {

std::string encoded(const CommandApdu& c, bool forceExtended = false) {
  return toHex(c.encode(forceExtended));
}

TEST(CommandApdu, EncodesCaseOneAsHeaderOnly) {
  const CommandApdu c{0x00, 0x70, 0x00, 0x00, {}, 0};
  EXPECT_EQ(c.isoCase(), 1);
  EXPECT_EQ(encoded(c), "00700000");
}

TEST(CommandApdu, EncodesShortLeWith256AsZero) {
  EXPECT_EQ(encoded(CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 4}), "00B0000004");
  EXPECT_EQ(encoded(CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 256}), "00B0000000");
}

TEST(CommandApdu, EncodesExtendedLeForCaseTwo) {
  const CommandApdu c{0x00, 0xB0, 0x00, 0x00, {}, 1000};
  EXPECT_TRUE(c.needsExtendedLength());
  EXPECT_EQ(encoded(c), "00B000000003E8");
  EXPECT_EQ(encoded(CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 65536}), "00B00000000000");
  EXPECT_EQ(encoded(CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 4}, true), "00B00000000004");
}

TEST(CommandApdu, EncodesCaseThreeShortAndExtended) {
  const CommandApdu c{0x00, 0xA4, 0x02, 0x0C, {0x01, 0x1E}, 0};
  EXPECT_EQ(c.isoCase(), 3);
  EXPECT_EQ(encoded(c), "00A4020C02011E");
  EXPECT_EQ(encoded(c, true), "00A4020C000002011E");
  const CommandApdu big{0x00, 0xDA, 0x00, 0x00, Bytes(300, 0xAA), 0};
  const Bytes bytes = big.encode();
  EXPECT_EQ(toHex(ByteView(bytes).first(7)), "00DA000000012C");
  EXPECT_EQ(bytes.size(), 7U + 300U);
}

TEST(CommandApdu, EncodesCaseFourExtendedWithoutSecondMarker) {
  const CommandApdu c{0x00, 0x86, 0x00, 0x00, Bytes(256, 0x01), 65536};
  EXPECT_EQ(c.isoCase(), 4);
  const Bytes bytes = c.encode();
  EXPECT_EQ(toHex(ByteView(bytes).first(7)), "00860000000100");
  EXPECT_EQ(toHex(ByteView(bytes).last(2)), "0000");
  EXPECT_EQ(bytes.size(), 7U + 256U + 2U);
}

TEST(CommandApdu, RefusesOversizedFieldsAsABug) {
  EXPECT_THROW((void)(CommandApdu{0, 0, 0, 0, Bytes(65536, 0), 0}.encode()), std::length_error);
  EXPECT_THROW((void)(CommandApdu{0, 0, 0, 0, {}, 65537}.encode()), std::length_error);
}

TEST(ResponseApdu, SplitsDataAndStatusWord) {
  auto r = ResponseApdu::parse(hexBytes("0102 9000"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->data, (Bytes{1, 2}));
  EXPECT_EQ(r->sw, 0x9000);
  EXPECT_TRUE(r->ok());
  EXPECT_EQ(toHex(r->encode()), "01029000");
}

TEST(ResponseApdu, WithoutStatusWordIsAnIoError) {
  auto r = ResponseApdu::parse(hexBytes("90"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::IoError);
}

TEST(StatusWord, WrongKeyCodesMapToAccessKeyRejected) {
  EXPECT_EQ(statusError(0x6300, "MUTUAL AUTHENTICATE").reason(), Reason::AccessKeyRejected);
  EXPECT_EQ(statusError(0x63C2, "VERIFY").reason(), Reason::AccessKeyRejected);
  EXPECT_EQ(statusError(0x6983, "PACE").reason(), Reason::AccessKeyRejected);
}

TEST(StatusWord, MissingFileAndAccessConditionMapToNotSupported) {
  const Error e = statusError(0x6A82, "SELECT EF 0103");
  EXPECT_EQ(e.reason(), Reason::NotSupported);
  EXPECT_EQ(e.detail(), "SELECT EF 0103: 6A82 file or application not found");
  EXPECT_EQ(statusError(0x6982, "READ").reason(), Reason::NotSupported);
  EXPECT_EQ(statusError(0x6D00, "X").reason(), Reason::NotSupported);
}

TEST(StatusWord, SecureMessagingAndLengthFaultsMapToIoError) {
  EXPECT_EQ(statusError(0x6988, "READ").reason(), Reason::IoError);
  EXPECT_NE(statusError(0x6988, "READ").detail().find("secure messaging data objects incorrect"),
            std::string::npos);
  EXPECT_EQ(statusError(0x6987, "READ").reason(), Reason::IoError);
  EXPECT_EQ(statusError(0x6700, "READ").reason(), Reason::IoError);
  EXPECT_EQ(statusError(0x6C10, "READ").reason(), Reason::IoError);
  EXPECT_EQ(statusError(0x6F00, "READ").reason(), Reason::IoError);
}

TEST(StatusWord, ConditionsNotSatisfiedMapToInvalidState) {
  EXPECT_EQ(statusError(0x6985, "MSE").reason(), Reason::InvalidState);
}

TEST(StatusWord, WarningWithDataCountsAsSuccess) {
  EXPECT_TRUE(isSuccessOrWarning(0x9000));
  EXPECT_TRUE(isSuccessOrWarning(0x6282));
  EXPECT_FALSE(isSuccessOrWarning(0x6A82));
}

TEST(ApduFactory, SelectsTheEmrtdApplicationByAid) {
  EXPECT_EQ(encoded(apdu::selectByAid(hexBytes("A0000002471001"))), "00A4040C07A0000002471001");
}

TEST(ApduFactory, SelectsFilesByFidAndMasterFile) {
  EXPECT_EQ(encoded(apdu::selectByFid(0x011E)), "00A4020C02011E");
  EXPECT_EQ(encoded(apdu::selectMasterFile()), "00A4000C023F00");
}

TEST(ApduFactory, ReadsBinaryAtOffset) {
  EXPECT_EQ(encoded(apdu::readBinary(0x0004, 0x12)), "00B0000412");
  EXPECT_EQ(encoded(apdu::readBinary(0x7FFF, 256)), "00B07FFF00");
  EXPECT_THROW(apdu::readBinary(0x8000, 1), std::out_of_range);
}

TEST(ApduFactory, ReadsBinaryByShortFileIdentifier) {
  EXPECT_EQ(encoded(apdu::readBinarySfi(0x1C, 0, 256)), "00B09C0000");
  EXPECT_EQ(encoded(apdu::readBinarySfi(0x01, 0x10, 6)), "00B0811006");
  EXPECT_THROW(apdu::readBinarySfi(31, 0, 1), std::out_of_range);
}

TEST(ApduFactory, ReadsBinaryWithOddInsAndOffsetDataObject) {
  EXPECT_EQ(encoded(apdu::readBinaryOdd(0x8000, 0xE0)), "00B100000454028000E0");
}

TEST(ApduFactory, ReadsBinaryWithOddInsAboveSixtyFourKilobytes) {
  EXPECT_EQ(encoded(apdu::readBinaryOdd(0x012345, 0x10)), "00B1000005540301234510");
}

TEST(ApduFactory, AsksForAnEightByteChallenge) {
  EXPECT_EQ(encoded(apdu::getChallenge()), "0084000008");
}

TEST(ApduFactory, BuildsMutualAuthenticateWithLe) {
  const Bytes data(40, 0x11);
  const Bytes bytes = apdu::externalAuthenticate(data, 40).encode();
  EXPECT_EQ(toHex(ByteView(bytes).first(5)), "0082000028");
  EXPECT_EQ(bytes.back(), 0x28);
  EXPECT_EQ(bytes.size(), 5U + 40U + 1U);
}

TEST(ApduFactory, BuildsInternalAuthenticate) {
  EXPECT_EQ(encoded(apdu::internalAuthenticate(hexBytes("0102030405060708"))),
            "0088000008010203040506070800");
}

TEST(ApduFactory, SetsTheSecurityEnvironmentForPace) {
  EXPECT_EQ(
      encoded(apdu::mseSetAt(apdu::MseTarget::Pace, hexBytes("800A04007F00070202040202830102"))),
      "0022C1A40F800A04007F00070202040202830102");
  EXPECT_EQ(apdu::mseSetAt(apdu::MseTarget::ChipAuthentication, {}).p1, 0x41);
}

TEST(ApduFactory, ChainsGeneralAuthenticateUntilTheLastStep) {
  EXPECT_EQ(encoded(apdu::generalAuthenticate(hexBytes("7C00"), false)), "10860000027C0000");
  EXPECT_EQ(encoded(apdu::generalAuthenticate(hexBytes("7C0A8508C2B0BD78D94BA866"), true)),
            "008600000C7C0A8508C2B0BD78D94BA86600");
}

}  // namespace
}  // namespace onestop::emrtd
