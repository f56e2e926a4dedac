#include "onestop/emrtd/bytes.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace onestop::emrtd {
namespace {

TEST(Bytes, FormatsUpperCaseHexWithoutSeparators) {
  EXPECT_EQ(toHex(Bytes{0x0C, 0xA4, 0x02, 0xFF}), "0CA402FF");
  EXPECT_EQ(toHex(Bytes{}), "");
}

TEST(Bytes, ParsesHexIgnoringCaseAndSeparators) {
  auto parsed = fromHex("0c a4:02\nFf");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, (Bytes{0x0C, 0xA4, 0x02, 0xFF}));
}

TEST(Bytes, RejectsOddDigitCount) {
  auto parsed = fromHex("ABC");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed);
}

TEST(Bytes, RejectsNonHexCharacter) {
  auto parsed = fromHex("0G");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed);
}

TEST(Bytes, RejectsSeparatorInsideAByte) {
  EXPECT_FALSE(fromHex("0 A").ok());
}

TEST(Bytes, HexBytesThrowsOnMalformedLiteral) {
  EXPECT_THROW(hexBytes("XYZ"), std::invalid_argument);
  EXPECT_EQ(hexBytes("0102"), (Bytes{1, 2}));
}

TEST(Bytes, AppendConcatenates) {
  Bytes out{1};
  append(out, Bytes{2, 3});
  EXPECT_EQ(out, (Bytes{1, 2, 3}));
}

TEST(Bytes, WipeZeroesAndEmpties) {
  Bytes secret{1, 2, 3};
  wipe(secret);
  EXPECT_TRUE(secret.empty());
}

TEST(Bytes, BigEndianKeepsLeadingZeros) {
  EXPECT_EQ(bigEndian(0x0102, 4), (Bytes{0, 0, 1, 2}));
  EXPECT_EQ(bigEndian(0x887022120C06C226ULL, 8), hexBytes("887022120C06C226"));
}

}  // namespace
}  // namespace onestop::emrtd
