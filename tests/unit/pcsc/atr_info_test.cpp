#include "atr_info.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace onestop::pcsc {
namespace {

using Bytes = std::vector<std::uint8_t>;

TEST(AtrInfo, FindsTheHistoricalBytesAfterTheInterfaceBytes) {
  // vicc iso7816: TS 3B, T0 95 (TA1, TD1; K = 5), TA1 13, TD1 81, TD2 01, historical 80 73 FF 01 00
  const Bytes atr{0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF, 0x01, 0x00, 0x0B};

  const auto hist = historicalBytes(atr);

  ASSERT_TRUE(hist.has_value());
  EXPECT_EQ(*hist, (Bytes{0x80, 0x73, 0xFF, 0x01, 0x00}));
}

TEST(AtrInfo, RefusesATruncatedAtr) {
  EXPECT_FALSE(historicalBytes(Bytes{0x3B}).has_value());
  EXPECT_FALSE(historicalBytes(Bytes{0x3B, 0x95, 0x13}).has_value());
  EXPECT_FALSE(historicalBytes(Bytes{0x3B, 0x05, 0x80, 0x73}).has_value());
}

TEST(AtrInfo, ReadsTheExtendedLengthBitOfTheCardCapabilities) {
  // 3B 88 80 01 | 80 73 C0 C1 40 ... : card capabilities 73 with third byte bit 0x40 set
  const Bytes extended{0x3B, 0x88, 0x80, 0x01, 0x80, 0x73, 0xC0,
                       0x01, 0x40, 0x00, 0x00, 0x00, 0x55};
  const Bytes shortOnly{0x3B, 0x88, 0x80, 0x01, 0x80, 0x73, 0xC0,
                        0x01, 0x00, 0x00, 0x00, 0x00, 0x55};

  EXPECT_TRUE(atrAnnouncesExtendedLength(extended));
  EXPECT_FALSE(atrAnnouncesExtendedLength(shortOnly));
}

TEST(AtrInfo, ReadsCategoryZeroHistoricalBytesWithoutTheStatusIndicator) {
  const Bytes atr{0x3B, 0x07, 0x00, 0x73, 0x00, 0x00, 0x40, 0x90, 0x00};

  EXPECT_FALSE(atrAnnouncesExtendedLength(atr));  // 73's third byte would be the status: too short
  const Bytes longer{0x3B, 0x08, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x90, 0x00};
  EXPECT_TRUE(atrAnnouncesExtendedLength(longer));
}

TEST(AtrInfo, AnAtrWithoutCardCapabilitiesIsShortOnly) {
  EXPECT_FALSE(atrAnnouncesExtendedLength(Bytes{0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF,
                                                0x01, 0x00, 0x0B}));  // 73 FF 01: bit 0x40 clear
  EXPECT_FALSE(atrAnnouncesExtendedLength(Bytes{0x3B, 0x80, 0x80, 0x01, 0x01}));
}

}  // namespace
}  // namespace onestop::pcsc
