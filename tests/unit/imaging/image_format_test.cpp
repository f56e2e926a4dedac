#include "onestop/imaging/image_format.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace onestop::imaging {
namespace {

using Bytes = std::vector<std::uint8_t>;

TEST(SniffFormat, RecognizesEachMagic) {
  EXPECT_EQ(sniffFormat(Bytes{0xFF, 0xD8, 0xFF, 0xE0}), ImageFormat::Jpeg);
  EXPECT_EQ(sniffFormat(Bytes{0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87,
                              0x0A, 0x00}),
            ImageFormat::Jpeg2000);
  EXPECT_EQ(sniffFormat(Bytes{0xFF, 0x4F, 0xFF, 0x51, 0x00}), ImageFormat::Jpeg2000);
  EXPECT_EQ(sniffFormat(Bytes{0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A}), ImageFormat::Png);
}

TEST(SniffFormat, ShortOrForeignBytesAreUnknown) {
  EXPECT_EQ(sniffFormat(Bytes{}), ImageFormat::Unknown);
  EXPECT_EQ(sniffFormat(Bytes{0xFF, 0xD8}), ImageFormat::Unknown);
  EXPECT_EQ(sniffFormat(Bytes{0xFF, 0x4F, 0xFF}), ImageFormat::Unknown);
  EXPECT_EQ(sniffFormat(Bytes{'G', 'I', 'F', '8', '9', 'a'}), ImageFormat::Unknown);
  // A JP2 signature box with a wrong length is not a JP2 file.
  EXPECT_EQ(
      sniffFormat(Bytes{0x00, 0x00, 0x00, 0x0D, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A}),
      ImageFormat::Unknown);
}

TEST(FormatName, NamesEveryFormat) {
  EXPECT_EQ(formatName(ImageFormat::Jpeg), "JPEG");
  EXPECT_EQ(formatName(ImageFormat::Jpeg2000), "JPEG 2000");
  EXPECT_EQ(formatName(ImageFormat::Png), "PNG");
  EXPECT_EQ(formatName(ImageFormat::Unknown), "unknown");
}

}  // namespace
}  // namespace onestop::imaging
