#include "reader_features.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace onestop::pcsc {
namespace {

using Bytes = std::vector<std::uint8_t>;

const Bytes kExtendedAtr{0x3B, 0x88, 0x80, 0x01, 0x80, 0x73, 0xC0,
                         0x01, 0x40, 0x00, 0x00, 0x00, 0x55};
const Bytes kShortAtr{0x3B, 0x80, 0x80, 0x01, 0x01};

ReaderLimits maxInput(std::uint32_t n) {
  return {std::nullopt, n};
}
ReaderLimits ccid(std::uint32_t dataSize, std::uint32_t input = 65546u) {
  return {dataSize, input};
}

TEST(ReaderFeatures, IsConservativeWhenTheReaderDoesNotSay) {
  const auto f = computeFeatures({}, kExtendedAtr);

  EXPECT_EQ(f.max_command_apdu, 261u);
  EXPECT_EQ(f.max_response_apdu, 258u);
  EXPECT_EQ(f.extended_length, 0);
}

TEST(ReaderFeatures, AllowsExtendedLengthWhenReaderAndCardBothDo) {
  const auto f = computeFeatures(maxInput(65546u), kExtendedAtr);

  EXPECT_EQ(f.extended_length, 1);
  EXPECT_EQ(f.max_command_apdu, 65544u);
  EXPECT_EQ(f.max_response_apdu, 65538u);
}

TEST(ReaderFeatures, StaysShortWhenTheCardDoesNotAnnounceExtendedLength) {
  const auto f = computeFeatures(maxInput(65546u), kShortAtr);

  EXPECT_EQ(f.extended_length, 0);
  EXPECT_EQ(f.max_command_apdu, 261u);
}

TEST(ReaderFeatures, TakesASmallerReaderLimit) {
  EXPECT_EQ(computeFeatures(maxInput(200u), kShortAtr).max_command_apdu, 200u);
  EXPECT_EQ(computeFeatures(maxInput(1000u), kExtendedAtr).max_command_apdu, 1000u);
}

TEST(ReaderFeatures, FollowsTheCcidMaxApduDataSize) {
  EXPECT_EQ(computeFeatures(ccid(0), kExtendedAtr).extended_length, 0);  // 0: short APDUs only
  const auto f = computeFeatures(ccid(1024), kExtendedAtr);
  EXPECT_EQ(f.extended_length, 1);
  EXPECT_EQ(f.max_command_apdu, 1024u + 9u);
}

TEST(ReaderFeatures, FindsAFeatureControlCode) {
  const Bytes reply{0x06, 0x04, 0x42, 0x33, 0x00, 0x06, 0x12, 0x04, 0x42, 0x33, 0x00, 0x12};

  EXPECT_EQ(featureControlCode(reply, 0x12), 0x42330012u);
  EXPECT_FALSE(featureControlCode(reply, 0x13).has_value());
  EXPECT_FALSE(featureControlCode(Bytes{0x12, 0x04, 0x42}, 0x12).has_value());
}

TEST(ReaderFeatures, ReadsALittleEndianTlvProperty) {
  const Bytes reply{0x01, 0x02, 0x00, 0x00, 0x0A, 0x04, 0x00, 0x00, 0x01, 0x00};

  EXPECT_EQ(tlvProperty(reply, 0x0A), 0x10000u);
  EXPECT_FALSE(tlvProperty(reply, 0x0B).has_value());
  EXPECT_FALSE(tlvProperty(Bytes{0x0A, 0x04, 0x00}, 0x0A).has_value());
}

}  // namespace
}  // namespace onestop::pcsc
