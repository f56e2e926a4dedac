#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

#include "jpeg2000_encoder.hpp"
#include "onestop/imaging/browser_image.hpp"
#include "png_reader.hpp"

namespace onestop::imaging {
namespace {

using testing::ColourSpace;
using testing::Container;
using testing::DecodedPng;
using testing::Jpeg2000Spec;

DecodedPng decodeThroughBrowserImage(const Jpeg2000Spec& spec) {
  const std::vector<std::uint8_t> encoded = testing::encodeJpeg2000(spec);
  EXPECT_FALSE(encoded.empty()) << "the test encoder refused the spec";
  const Result<BrowserImage> image = toBrowserImage(encoded);
  EXPECT_TRUE(image.ok()) << (image.ok() ? "" : image.error().detail());
  if (!image.ok()) return {};
  EXPECT_EQ(image->mime, "image/png");
  EXPECT_EQ(image->source, ImageFormat::Jpeg2000);
  EXPECT_EQ(image->width, spec.width);
  EXPECT_EQ(image->height, spec.height);
  std::optional<DecodedPng> png = testing::decodePng(image->data);
  EXPECT_TRUE(png.has_value()) << "libpng cannot read the output";
  if (!png) return {};
  EXPECT_EQ(png->width, spec.width);
  EXPECT_EQ(png->height, spec.height);
  return *png;
}

TEST(Jpeg2000ToPng, GrayJp2KeepsEveryPixel) {
  const Jpeg2000Spec spec{.container = Container::Jp2, .colourSpace = ColourSpace::Gray};
  const DecodedPng png = decodeThroughBrowserImage(spec);
  ASSERT_EQ(png.channels, 1);
  for (int y = 0; y < spec.height; ++y) {
    for (int x = 0; x < spec.width; ++x) {
      ASSERT_EQ(png.at(x, y, 0), (x * 7 + y * 3) & 0xFF) << x << "," << y;
    }
  }
}

TEST(Jpeg2000ToPng, RgbCodestreamKeepsEveryPixel) {
  const Jpeg2000Spec spec{
      .width = 20,
      .height = 10,
      .components = 3,
      .container = Container::Codestream,
      .colourSpace = ColourSpace::Srgb,
      .sample = [](int c, int x, int y) { return (c * 80 + x * 11 + y) & 0xFF; }};
  const DecodedPng png = decodeThroughBrowserImage(spec);
  ASSERT_EQ(png.channels, 3);
  for (const auto& [x, y] :
       {std::pair{0, 0}, std::pair{19, 0}, std::pair{7, 5}, std::pair{19, 9}}) {
    for (int c = 0; c < 3; ++c) EXPECT_EQ(png.at(x, y, c), (c * 80 + x * 11 + y) & 0xFF);
  }
}

TEST(Jpeg2000ToPng, RgbJp2WithAlphaBecomesRgba) {
  const Jpeg2000Spec spec{.components = 4,
                          .container = Container::Jp2,
                          .colourSpace = ColourSpace::Srgb,
                          .sample = [](int c, int x, int) { return c == 3 ? 200 : c * 60 + x; }};
  const DecodedPng png = decodeThroughBrowserImage(spec);
  ASSERT_EQ(png.channels, 4);
  EXPECT_EQ(png.at(3, 2, 0), 3);
  EXPECT_EQ(png.at(3, 2, 1), 63);
  EXPECT_EQ(png.at(3, 2, 2), 123);
  EXPECT_EQ(png.at(3, 2, 3), 200);
}

TEST(Jpeg2000ToPng, TwelveBitSamplesAreScaledToEight) {
  const Jpeg2000Spec spec{.precision = 12, .sample = [](int, int x, int) {
                            return x == 0 ? 0 : x == 1 ? 4095 : 2048;
                          }};
  const DecodedPng png = decodeThroughBrowserImage(spec);
  ASSERT_EQ(png.channels, 1);
  EXPECT_EQ(png.at(0, 0, 0), 0);
  EXPECT_EQ(png.at(1, 0, 0), 255);
  EXPECT_EQ(png.at(2, 0, 0), 128);  // 2048 / 4095 × 255 = 127.5, rounded up
}

TEST(Jpeg2000ToPng, FewBitSamplesAreStretchedToEight) {
  const Jpeg2000Spec spec{.precision = 2, .sample = [](int, int x, int) { return x % 4; }};
  const DecodedPng png = decodeThroughBrowserImage(spec);
  EXPECT_EQ(png.at(0, 0, 0), 0);
  EXPECT_EQ(png.at(1, 0, 0), 85);
  EXPECT_EQ(png.at(2, 0, 0), 170);
  EXPECT_EQ(png.at(3, 0, 0), 255);
}

TEST(Jpeg2000ToPng, SignedSamplesAreOffsetToUnsigned) {
  const Jpeg2000Spec spec{.isSigned = true, .sample = [](int, int x, int) {
                            return x == 0 ? -128 : x == 1 ? 127 : 0;
                          }};
  const DecodedPng png = decodeThroughBrowserImage(spec);
  EXPECT_EQ(png.at(0, 0, 0), 0);
  EXPECT_EQ(png.at(1, 0, 0), 255);
  EXPECT_EQ(png.at(2, 0, 0), 128);
}

// Expected RGB of one full-range YCbCr sample (ITU-T T.871).
std::array<int, 3> rgbOf(int y, int cb, int cr) {
  auto clamp = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 255.0))); };
  return {clamp(y + 1.402 * (cr - 128)), clamp(y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128)),
          clamp(y + 1.772 * (cb - 128))};
}

TEST(Jpeg2000ToPng, SyccJp2IsConvertedToRgb) {
  const Jpeg2000Spec spec{.components = 3,
                          .container = Container::Jp2,
                          .colourSpace = ColourSpace::Sycc,
                          .sample = [](int c, int x, int) {
                            return c == 0 ? 100 + x : c == 1 ? 90 : 200;
                          }};
  const DecodedPng png = decodeThroughBrowserImage(spec);
  ASSERT_EQ(png.channels, 3);
  for (int x : {0, 5, 15}) {
    const std::array<int, 3> expected = rgbOf(100 + x, 90, 200);
    for (int c = 0; c < 3; ++c)
      EXPECT_NEAR(png.at(x, 3, c), expected[static_cast<std::size_t>(c)], 1);
  }
}

TEST(Jpeg2000ToPng, SubsampledChromaIsUpsampled) {
  // A raw codestream has no colour box: 4:2:0 chroma is taken as YCbCr. Left half of the chroma
  // grid is blue-ish, right half red-ish.
  const Jpeg2000Spec spec{.width = 16,
                          .height = 8,
                          .components = 3,
                          .chromaStepX = 2,
                          .chromaStepY = 2,
                          .container = Container::Codestream,
                          .colourSpace = ColourSpace::Unspecified,
                          .sample = [](int c, int x, int) {
                            if (c == 0) return 120;
                            const bool left = x < 4;  // chroma grid is 8 wide
                            return c == 1 ? (left ? 200 : 60) : (left ? 60 : 200);
                          }};
  const DecodedPng png = decodeThroughBrowserImage(spec);
  ASSERT_EQ(png.channels, 3);
  const std::array<int, 3> blue = rgbOf(120, 200, 60);
  const std::array<int, 3> red = rgbOf(120, 60, 200);
  for (int y : {0, 7}) {
    for (int c = 0; c < 3; ++c) {
      const auto i = static_cast<std::size_t>(c);
      EXPECT_NEAR(png.at(0, y, c), blue[i], 1);
      EXPECT_NEAR(png.at(7, y, c), blue[i], 1);  // image x 7 is chroma x 3
      EXPECT_NEAR(png.at(8, y, c), red[i], 1);   // image x 8 is chroma x 4
      EXPECT_NEAR(png.at(15, y, c), red[i], 1);
    }
  }
}

TEST(Jpeg2000ToPng, DecodesACardSizedLossyFace) {
  // 480 × 640, irreversible wavelet: the shape of a real DG2 face.
  const Jpeg2000Spec spec{
      .width = 480,
      .height = 640,
      .components = 3,
      .container = Container::Jp2,
      .colourSpace = ColourSpace::Srgb,
      .lossless = false,
      .sample = [](int c, int x, int y) { return (c * 40 + x / 4 + y / 8) & 0xFF; }};
  const DecodedPng png = decodeThroughBrowserImage(spec);
  ASSERT_EQ(png.channels, 3);
  // Lossy: close to the source, not equal.
  EXPECT_NEAR(png.at(240, 320, 0), (240 / 4 + 320 / 8) & 0xFF, 12);
}

}  // namespace
}  // namespace onestop::imaging
