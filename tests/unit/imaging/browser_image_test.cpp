#include "onestop/imaging/browser_image.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "png_reader.hpp"

namespace onestop::imaging {
namespace {

using Bytes = std::vector<std::uint8_t>;

// A baseline JPEG's marker structure: SOI, APP0 (JFIF), a fill byte, a frame header of the given
// type and size with three components, SOS, a little entropy-coded data and EOI. The
// pass-through only reads the headers.
Bytes jpegWithFrame(std::uint8_t sofMarker, std::uint16_t width, std::uint16_t height) {
  const Bytes soi{0xFF, 0xD8};
  const Bytes app0{0xFF, 0xE0, 0x00, 0x10, 'J',  'F',  'I',  'F',  0x00,
                   0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00};
  const Bytes fill{0xFF};
  const Bytes frame{0xFF,
                    sofMarker,
                    0x00,
                    0x11,
                    0x08,
                    static_cast<std::uint8_t>(height >> 8),
                    static_cast<std::uint8_t>(height),
                    static_cast<std::uint8_t>(width >> 8),
                    static_cast<std::uint8_t>(width),
                    0x03,
                    0x01,
                    0x22,
                    0x00,
                    0x02,
                    0x11,
                    0x01,
                    0x03,
                    0x11,
                    0x01};
  const Bytes scan{0xFF, 0xDA, 0x00, 0x0C, 0x03, 0x01, 0x00,
                   0x02, 0x11, 0x03, 0x11, 0x00, 0x3F, 0x00};
  const Bytes entropyCoded{0x12, 0x34, 0xFF, 0x00};  // with a stuffed zero byte
  const Bytes eoi{0xFF, 0xD9};
  Bytes jpeg;
  for (const Bytes* part : {&soi, &app0, &fill, &frame, &scan, &entropyCoded, &eoi}) {
    jpeg.insert(jpeg.end(), part->begin(), part->end());
  }
  return jpeg;
}

TEST(ToBrowserImage, PassesJpegThroughByteIdentical) {
  const Bytes jpeg = jpegWithFrame(0xC0, 480, 640);
  const Result<BrowserImage> image = toBrowserImage(jpeg);
  ASSERT_TRUE(image.ok()) << image.error().detail();
  EXPECT_EQ(image->mime, "image/jpeg");
  EXPECT_EQ(image->data, jpeg);
  EXPECT_EQ(image->width, 480);
  EXPECT_EQ(image->height, 640);
  EXPECT_EQ(image->source, ImageFormat::Jpeg);
}

TEST(ToBrowserImage, ReadsProgressiveJpegFrames) {
  const Result<BrowserImage> image = toBrowserImage(jpegWithFrame(0xC2, 7, 9));
  ASSERT_TRUE(image.ok()) << image.error().detail();
  EXPECT_EQ(image->width, 7);
  EXPECT_EQ(image->height, 9);
}

TEST(ToBrowserImage, RefusesJpegWithoutFrameOrWithBadSegments) {
  // SOI then straight to SOS: no frame header.
  const Result<BrowserImage> noFrame =
      toBrowserImage(Bytes{0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x02, 0xFF, 0xD9});
  ASSERT_FALSE(noFrame.ok());
  EXPECT_EQ(noFrame.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(noFrame.error().detail().rfind("JPEG: ", 0), 0U) << noFrame.error().detail();

  // An APP0 segment claiming more bytes than there are.
  const Result<BrowserImage> longSegment =
      toBrowserImage(Bytes{0xFF, 0xD8, 0xFF, 0xE0, 0x40, 0x00, 0x00, 0x00});
  ASSERT_FALSE(longSegment.ok());
  EXPECT_EQ(longSegment.error().reason(), Reason::ValidationFailed);

  // A frame header whose height is zero (defined later by DNL): not for a face image.
  const Result<BrowserImage> zeroHeight = toBrowserImage(jpegWithFrame(0xC0, 10, 0));
  ASSERT_FALSE(zeroHeight.ok());
  EXPECT_EQ(zeroHeight.error().reason(), Reason::ValidationFailed);

  // Every truncation of a valid header is refused, never read past.
  const Bytes jpeg = jpegWithFrame(0xC0, 480, 640);
  for (std::size_t size = 1; size < 40; ++size) {  // the frame header ends at 40
    const Result<BrowserImage> cut =
        toBrowserImage(Bytes(jpeg.begin(), jpeg.begin() + static_cast<std::ptrdiff_t>(size)));
    ASSERT_FALSE(cut.ok()) << size;
    EXPECT_EQ(cut.error().reason(), Reason::ValidationFailed);
  }
}

TEST(ToBrowserImage, RefusesJpegLargerThanTheLimits) {
  const Result<BrowserImage> image = toBrowserImage(jpegWithFrame(0xC0, 5000, 100), ImageLimits{});
  ASSERT_FALSE(image.ok());
  EXPECT_EQ(image.error().reason(), Reason::ValidationFailed);
  EXPECT_NE(image.error().detail().find("larger than allowed"), std::string::npos);
}

TEST(ToBrowserImage, PassesPngThroughByteIdentical) {
  const Bytes png = testing::encodeTestPng(5, 4, 3);
  ASSERT_FALSE(png.empty());
  const Result<BrowserImage> image = toBrowserImage(png);
  ASSERT_TRUE(image.ok()) << image.error().detail();
  EXPECT_EQ(image->mime, "image/png");
  EXPECT_EQ(image->data, png);
  EXPECT_EQ(image->width, 5);
  EXPECT_EQ(image->height, 4);
  EXPECT_EQ(image->source, ImageFormat::Png);
}

TEST(ToBrowserImage, RefusesPngWithoutHeaderOrTooLarge) {
  Bytes png = testing::encodeTestPng(5, 4, 1);
  ASSERT_FALSE(png.empty());
  const Result<BrowserImage> cut = toBrowserImage(Bytes(png.begin(), png.begin() + 20));
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.error().detail().rfind("PNG: ", 0), 0U) << cut.error().detail();

  const Result<BrowserImage> large = toBrowserImage(png, ImageLimits{4, 4, 1 << 20});
  ASSERT_FALSE(large.ok());
  EXPECT_EQ(large.error().reason(), Reason::ValidationFailed);

  png[19] = 0;  // width 0 (bytes 16..19, big-endian)
  png[18] = 0;
  const Result<BrowserImage> zero = toBrowserImage(png);
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().reason(), Reason::ValidationFailed);
}

TEST(ToBrowserImage, RefusesEmptyUnknownAndOversizedInput) {
  const Result<BrowserImage> empty = toBrowserImage(Bytes{});
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().reason(), Reason::ValidationFailed);

  const Result<BrowserImage> gif = toBrowserImage(Bytes{'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0});
  ASSERT_FALSE(gif.ok());
  EXPECT_EQ(gif.error().reason(), Reason::ValidationFailed);

  const Bytes jpeg = jpegWithFrame(0xC0, 4, 4);
  const Result<BrowserImage> tooManyBytes = toBrowserImage(jpeg, ImageLimits{4096, 4096, 16});
  ASSERT_FALSE(tooManyBytes.ok());
  EXPECT_EQ(tooManyBytes.error().reason(), Reason::ValidationFailed);
  EXPECT_NE(tooManyBytes.error().detail().find("bytes"), std::string::npos);
}

}  // namespace
}  // namespace onestop::imaging
