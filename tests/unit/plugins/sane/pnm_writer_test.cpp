// Raw SANE rows → PNM (P4, P5, P6): headers, padding removed, 16-bit byte order, three-pass
// planes interleaved, impossible layouts refused.
#include <gtest/gtest.h>

#include <cstring>
#include <stdexcept>
#include <string>

#include "pnm_writer.hpp"

namespace onestop::sane {
namespace {

using Bytes = std::vector<std::uint8_t>;

std::string headerOf(const Bytes& pnm, std::size_t length) {
  return std::string(pnm.begin(), pnm.begin() + static_cast<std::ptrdiff_t>(length));
}

TEST(PnmWriter, GrayRowsBecomeP5WithoutTheirPadding) {
  // 3 pixels per line, 4 bytes per line (one byte of padding, like the backend's ppl-loss).
  const Bytes rows{1, 2, 3, 0xEE, 4, 5, 6, 0xEE};
  const RasterLayout layout{PnmKind::Gray, 3, 2, 8, 4};

  const Bytes pnm = writePnm(layout, rows);

  const std::string header = "P5\n3 2\n255\n";
  ASSERT_EQ(pnm.size(), header.size() + 6);
  EXPECT_EQ(headerOf(pnm, header.size()), header);
  EXPECT_EQ(Bytes(pnm.begin() + static_cast<std::ptrdiff_t>(header.size()), pnm.end()),
            (Bytes{1, 2, 3, 4, 5, 6}));
}

TEST(PnmWriter, RgbRowsBecomeP6) {
  const Bytes rows{255, 0, 0, 0, 255, 0};
  const Bytes pnm = writePnm({PnmKind::Rgb, 2, 1, 8, 6}, rows);
  const std::string header = "P6\n2 1\n255\n";
  EXPECT_EQ(headerOf(pnm, header.size()), header);
  EXPECT_EQ(pnm.size(), header.size() + 6);
}

TEST(PnmWriter, OneBitRowsBecomeP4AsTheyAre) {
  // SANE's 1 = black is PBM's 1 = black: no inversion. 10 pixels → 2 bytes per line.
  const Bytes rows{0b10100000, 0b11000000, 0xFF, 0x00};
  const Bytes pnm = writePnm({PnmKind::Bitmap, 10, 2, 1, 2}, rows);
  const std::string header = "P4\n10 2\n";
  EXPECT_EQ(headerOf(pnm, header.size()), header);
  EXPECT_EQ(Bytes(pnm.begin() + static_cast<std::ptrdiff_t>(header.size()), pnm.end()), rows);
}

TEST(PnmWriter, SixteenBitSamplesAreWrittenBigEndian) {
  const std::uint16_t sample = 0x1234;
  Bytes rows(2);
  std::memcpy(rows.data(), &sample, 2);  // host order, as SANE delivers them
  const Bytes pnm = writePnm({PnmKind::Gray, 1, 1, 16, 2}, rows);
  const std::string header = "P5\n1 1\n65535\n";
  EXPECT_EQ(headerOf(pnm, header.size()), header);
  EXPECT_EQ(pnm[header.size()], 0x12);
  EXPECT_EQ(pnm[header.size() + 1], 0x34);
}

TEST(PnmWriter, ShortDataAndImpossibleLayoutsAreRefused) {
  EXPECT_THROW(writePnm({PnmKind::Gray, 3, 2, 8, 3}, Bytes(5)), std::invalid_argument);
  EXPECT_THROW(writePnm({PnmKind::Gray, 3, 1, 8, 2}, Bytes(3)), std::invalid_argument);
  EXPECT_THROW(writePnm({PnmKind::Gray, 0, 1, 8, 0}, Bytes(1)), std::invalid_argument);
  EXPECT_THROW(writePnm({PnmKind::Rgb, 1, 1, 1, 1}, Bytes(1)), std::invalid_argument);
  EXPECT_THROW(writePnm({PnmKind::Gray, 1, 1, 12, 2}, Bytes(2)), std::invalid_argument);
}

TEST(PnmWriter, TheLastLineNeedsNoPadding) {
  // Backends may stop after the last pixel: rows of 4 bytes, the last one 3 bytes long.
  const Bytes rows{1, 2, 3, 0, 4, 5, 6};
  EXPECT_NO_THROW(writePnm({PnmKind::Gray, 3, 2, 8, 4}, rows));
}

TEST(PnmWriter, ThreePassPlanesInterleaveIntoRgb) {
  const Bytes red{10, 11, 0, 12, 13, 0};  // 2 pixels, 3 bytes per line
  const Bytes green{20, 21, 0, 22, 23, 0};
  const Bytes blue{30, 31, 0, 32, 33, 0};

  const Bytes rgb = interleavePlanes(red, green, blue, 2, 2, 8, 3);

  EXPECT_EQ(rgb, (Bytes{10, 20, 30, 11, 21, 31, 12, 22, 32, 13, 23, 33}));
  EXPECT_THROW(interleavePlanes(red, green, Bytes{1}, 2, 2, 8, 3), std::invalid_argument);
  EXPECT_THROW(interleavePlanes(red, green, blue, 2, 2, 1, 3), std::invalid_argument);
}

TEST(PnmWriter, APaddedHeaderFillsItsRoomWithAComment) {
  const RasterLayout layout{PnmKind::Rgb, 1240, 1754, 8, 3720};

  const std::string header = pnmHeader(layout, kPnmHeaderRoom);

  ASSERT_EQ(header.size(), kPnmHeaderRoom);
  EXPECT_EQ(header.substr(0, 4), "P6\n#");
  EXPECT_EQ(header.substr(header.size() - 15), "\n1240 1754\n255\n");
  EXPECT_EQ(header.find('\n', 3), kPnmHeaderRoom - 15);  // one comment line, then the fields
  EXPECT_EQ(pnmHeader(layout), "P6\n1240 1754\n255\n");
  EXPECT_EQ(pnmHeader({PnmKind::Bitmap, 8, 2, 1, 1}), "P4\n8 2\n");
  EXPECT_THROW(pnmHeader(layout, 16), std::invalid_argument);
}

TEST(PnmWriter, PixelBytesPerLine) {
  EXPECT_EQ(pixelBytesPerLine({PnmKind::Bitmap, 9, 1, 1, 0}), 2u);
  EXPECT_EQ(pixelBytesPerLine({PnmKind::Gray, 9, 1, 16, 0}), 18u);
  EXPECT_EQ(pixelBytesPerLine({PnmKind::Rgb, 9, 1, 8, 0}), 27u);
  EXPECT_EQ(pixelBytesPerLine({PnmKind::Bitmap, 9, 1, 8, 0}), 0u);
}

}  // namespace
}  // namespace onestop::sane
