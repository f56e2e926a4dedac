#include <gtest/gtest.h>

#include <string>

#include "jpeg2000_encoder.hpp"
#include "onestop/imaging/browser_image.hpp"

namespace onestop::imaging {
namespace {

using Bytes = std::vector<std::uint8_t>;
using testing::ColourSpace;
using testing::Container;
using testing::Jpeg2000Spec;

Bytes rgbImage(Container container) {
  return testing::encodeJpeg2000(Jpeg2000Spec{.width = 24,
                                              .height = 16,
                                              .components = 3,
                                              .container = container,
                                              .colourSpace = ColourSpace::Srgb});
}

// Calls toBrowserImage while capturing stderr: OpenJPEG and libpng must stay quiet.
Result<BrowserImage> convertQuietly(const Bytes& input, const ImageLimits& limits = {}) {
  ::testing::internal::CaptureStderr();
  Result<BrowserImage> image = toBrowserImage(input, limits);
  const std::string printed = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(printed, "");
  return image;
}

void expectRefusedAsJpeg2000(const Result<BrowserImage>& image, const std::string& context) {
  ASSERT_FALSE(image.ok()) << context;
  EXPECT_EQ(image.error().reason(), Reason::ValidationFailed) << context;
  EXPECT_EQ(image.error().detail().rfind("JPEG 2000: ", 0), 0U)
      << context << ": " << image.error().detail();
}

TEST(Jpeg2000Robustness, EveryTruncationIsRefused) {
  for (const Container container : {Container::Jp2, Container::Codestream}) {
    const Bytes full = rgbImage(container);
    ASSERT_FALSE(full.empty());
    ASSERT_TRUE(convertQuietly(full).ok());
    // Magic bytes must survive the cut, else it is simply not JPEG 2000.
    for (std::size_t size = 12; size < full.size(); size += 3) {
      const Bytes cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(size));
      expectRefusedAsJpeg2000(convertQuietly(cut), "cut to " + std::to_string(size));
    }
  }
}

TEST(Jpeg2000Robustness, BitFlipsNeverCrashAndFailAsValidation) {
  const Bytes original = rgbImage(Container::Codestream);
  ASSERT_FALSE(original.empty());
  int refused = 0;
  for (std::size_t at = 4; at < original.size(); ++at) {
    for (const std::uint8_t mask : {std::uint8_t{0x01}, std::uint8_t{0x80}, std::uint8_t{0xFF}}) {
      Bytes flipped = original;
      flipped[at] ^= mask;
      const Result<BrowserImage> image = convertQuietly(flipped);
      if (image.ok()) {
        // A flip in entropy data, or in SIZ within the limits, may still decode: to a real PNG.
        EXPECT_EQ(image->mime, "image/png");
        EXPECT_FALSE(image->data.empty());
        EXPECT_GT(image->width, 0);
        EXPECT_LE(image->width, ImageLimits{}.maxWidth);
        continue;
      }
      ++refused;
      EXPECT_EQ(image.error().reason(), Reason::ValidationFailed) << "byte " << at;
    }
  }
  EXPECT_GT(refused, 0);  // header flips at least must be caught
}

TEST(Jpeg2000Robustness, ImagesLargerThanTheLimitsAreRefusedBeforeDecoding) {
  const Bytes image = rgbImage(Container::Jp2);
  const Result<BrowserImage> tooWide = convertQuietly(image, ImageLimits{16, 4096, 1 << 20});
  expectRefusedAsJpeg2000(tooWide, "too wide");
  EXPECT_NE(tooWide.error().detail().find("24 x 16"), std::string::npos);
  expectRefusedAsJpeg2000(convertQuietly(image, ImageLimits{4096, 8, 1 << 20}), "too tall");
}

TEST(Jpeg2000Robustness, HeaderClaimingHugeSizeIsRefused) {
  // SIZ of a raw codestream: Xsiz at offset 8, Ysiz at 12. Claim 60000 × 60000.
  Bytes image = rgbImage(Container::Codestream);
  for (const std::size_t at : {std::size_t{8}, std::size_t{12}}) {
    image[at] = 0x00;
    image[at + 1] = 0x00;
    image[at + 2] = 0xEA;
    image[at + 3] = 0x60;
  }
  expectRefusedAsJpeg2000(convertQuietly(image), "60000 x 60000");
}

TEST(Jpeg2000Robustness, MagicAloneIsRefused) {
  expectRefusedAsJpeg2000(convertQuietly(Bytes{0xFF, 0x4F, 0xFF, 0x51}), "SOC SIZ only");
  expectRefusedAsJpeg2000(
      convertQuietly(Bytes{0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A}),
      "signature box only");
}

}  // namespace
}  // namespace onestop::imaging
