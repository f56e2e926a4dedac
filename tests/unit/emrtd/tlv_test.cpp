#include "onestop/emrtd/tlv.hpp"

#include <gtest/gtest.h>

namespace onestop::emrtd {
namespace {

TEST(Tlv, ParsesShortFormObject) {
  const Bytes data = hexBytes("5F0104303130369999");
  auto tlv = parseTlv(data);
  ASSERT_TRUE(tlv.ok()) << tlv.error().detail();
  EXPECT_EQ(tlv->tag, 0x5F01U);
  EXPECT_EQ(tlv->headerSize, 3U);
  EXPECT_EQ(Bytes(tlv->value.begin(), tlv->value.end()), hexBytes("30313036"));
  EXPECT_EQ(tlv->size(), 7U);
}

TEST(Tlv, ParsesThreeByteTag) {
  const Bytes data = hexBytes("5F8F0101AA");
  auto tlv = parseTlv(data);
  ASSERT_TRUE(tlv.ok()) << tlv.error().detail();
  EXPECT_EQ(tlv->tag, 0x5F8F01U);
  EXPECT_EQ(tlv->value.size(), 1U);
}

TEST(Tlv, ParsesLongFormLengths) {
  Bytes value(300, 0xAB);
  const Bytes encoded = encodeTlv(0x75, value);
  EXPECT_EQ(toHex(ByteView(encoded).first(4)), "7582012C");
  auto tlv = parseTlv(encoded);
  ASSERT_TRUE(tlv.ok());
  EXPECT_EQ(tlv->value.size(), 300U);
  EXPECT_EQ(tlv->headerSize, 4U);
}

TEST(Tlv, ParsesFourByteLengthField) {
  const Bytes data = hexBytes("0484000000020102");
  auto tlv = parseTlv(data);
  ASSERT_TRUE(tlv.ok()) << tlv.error().detail();
  EXPECT_EQ(tlv->value.size(), 2U);
  EXPECT_EQ(tlv->headerSize, 6U);
}

TEST(Tlv, RefusesIndefiniteLength) {
  auto tlv = parseTlv(hexBytes("30800201010000"));
  ASSERT_FALSE(tlv.ok());
  EXPECT_EQ(tlv.error().reason(), Reason::ValidationFailed);
  EXPECT_NE(tlv.error().detail().find("indefinite"), std::string::npos);
}

TEST(Tlv, RefusesLengthFieldLongerThanFourBytes) {
  EXPECT_FALSE(parseTlv(hexBytes("04850000000001FF")).ok());
}

TEST(Tlv, RefusesLengthBeyondBuffer) {
  auto tlv = parseTlv(hexBytes("0405010203"));
  ASSERT_FALSE(tlv.ok());
  EXPECT_EQ(tlv.error().reason(), Reason::ValidationFailed);
}

TEST(Tlv, RefusesHugeLengthWithoutOverflow) {
  EXPECT_FALSE(parseTlv(hexBytes("0484FFFFFFFF00")).ok());
}

TEST(Tlv, RefusesTruncatedTagAndLength) {
  EXPECT_FALSE(parseTlv(Bytes{}).ok());
  EXPECT_FALSE(parseTlv(hexBytes("5F")).ok());
  EXPECT_FALSE(parseTlv(hexBytes("5F81")).ok());
  EXPECT_FALSE(parseTlv(hexBytes("61")).ok());
  EXPECT_FALSE(parseTlv(hexBytes("6182")).ok());
  EXPECT_FALSE(parseTlv(hexBytes("618201")).ok());
}

TEST(Tlv, RefusesTagLongerThanFourBytes) {
  EXPECT_FALSE(parseTlv(hexBytes("5F8181810100")).ok());
}

TEST(Tlv, HeaderIsReadWithoutTheValue) {
  auto header = parseTlvHeader(hexBytes("7582 4E20"));
  ASSERT_TRUE(header.ok());
  EXPECT_EQ(header->tag, 0x75U);
  EXPECT_EQ(header->valueLength, 20000U);
  EXPECT_EQ(header->totalSize(), 20004U);
}

TEST(Tlv, ListParsesSiblingsAndRejectsTrailingGarbage) {
  auto list = parseTlvList(hexBytes("8001AA 8100 820201 02"));
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 3U);
  EXPECT_EQ((*list)[1].tag, 0x81U);
  EXPECT_TRUE((*list)[1].value.empty());
  EXPECT_FALSE(parseTlvList(hexBytes("8001AA 82")).ok());
  EXPECT_TRUE(parseTlvList(Bytes{})->empty());
}

TEST(Tlv, FindsNestedObjectByTagPath) {
  // EF.COM from ICAO 9303-11 Appendix D.4.
  const Bytes com = hexBytes("60145F0104303130365F36063034303030305C026175");
  auto version = findTlv(com, {0x60, 0x5F36});
  ASSERT_TRUE(version.ok()) << version.error().detail();
  EXPECT_EQ(toHex(version->value), "303430303030");
  auto tags = findTlv(com, {0x60, 0x5C});
  ASSERT_TRUE(tags.ok());
  EXPECT_EQ(toHex(tags->value), "6175");
}

TEST(Tlv, FindReportsMissingTagPath) {
  const Bytes com = hexBytes("60145F0104303130365F36063034303030305C026175");
  auto missing = findTlv(com, {0x60, 0x5F1F});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().reason(), Reason::ValidationFailed);
  EXPECT_NE(missing.error().detail().find("60/5F1F"), std::string::npos);
}

TEST(Tlv, FindRejectsMalformedNesting) {
  // Inner length runs past the outer value.
  EXPECT_FALSE(findTlv(hexBytes("6004 5F0105 3031"), {0x60, 0x5F01}).ok());
}

TEST(Tlv, ConstructedBitComesFromFirstTagByte) {
  EXPECT_TRUE(parseTlv(hexBytes("7F6100"))->constructed());
  EXPECT_FALSE(parseTlv(hexBytes("5F1F00"))->constructed());
  EXPECT_TRUE(parseTlv(hexBytes("3000"))->constructed());
}

TEST(Tlv, EncodesMinimalLengths) {
  EXPECT_EQ(toHex(encodeLength(0x7F)), "7F");
  EXPECT_EQ(toHex(encodeLength(0x80)), "8180");
  EXPECT_EQ(toHex(encodeLength(0x100)), "820100");
  EXPECT_EQ(toHex(encodeLength(0x10000)), "83010000");
  EXPECT_EQ(toHex(encodeTag(0x7F61)), "7F61");
  EXPECT_EQ(toHex(encodeTlv(0x5F1F, hexBytes("4142"))), "5F1F024142");
}

TEST(Tlv, SurvivesEveryTruncationOfAValidObject) {
  const Bytes full = encodeTlv(0x77, encodeTlv(0x30, Bytes(200, 0x11)));
  for (std::size_t n = 0; n < full.size(); ++n) {
    const ByteView cut(full.data(), n);
    EXPECT_FALSE(parseTlv(cut).ok()) << "length " << n;
    EXPECT_FALSE(findTlv(cut, {0x77, 0x30}).ok()) << "length " << n;
  }
  EXPECT_TRUE(findTlv(full, {0x77, 0x30}).ok());
}

}  // namespace
}  // namespace onestop::emrtd
