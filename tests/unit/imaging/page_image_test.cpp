#include "onestop/imaging/page_image.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "page_samples.hpp"
#include "png_reader.hpp"

namespace onestop::imaging {
namespace {

using testing::Bytes;
using testing::DecodedPng;

// Decodes an encoded page back to pixels through the code under test (to PNG, lossless) and
// libpng, so JPEG outputs can be checked too.
DecodedPng pixelsOf(const Bytes& encoded) {
  const Result<EncodedPage> png = encodePage(encoded, PageEncoding::Png);
  EXPECT_TRUE(png.ok()) << (png.ok() ? "" : png.error().detail());
  if (!png.ok()) return {};
  std::optional<DecodedPng> decoded = testing::decodePng(png->data);
  EXPECT_TRUE(decoded.has_value());
  return decoded.value_or(DecodedPng{});
}

TEST(EncodePage, GrayPnmToPngKeepsEveryPixel) {
  const Result<EncodedPage> page = encodePage(testing::samplePnm('5', 61, 37), PageEncoding::Png);
  ASSERT_TRUE(page.ok()) << page.error().detail();
  EXPECT_EQ(page->mime, "image/png");
  EXPECT_EQ(page->width, 61);
  EXPECT_EQ(page->height, 37);
  const std::optional<DecodedPng> png = testing::decodePng(page->data);
  ASSERT_TRUE(png.has_value());
  ASSERT_EQ(png->channels, 1);
  for (int y = 0; y < 37; ++y) {
    for (int x = 0; x < 61; ++x) {
      ASSERT_EQ(png->at(x, y, 0), testing::samplePageLevel(x, y, 61, 37)) << x << "," << y;
    }
  }
}

TEST(EncodePage, ColourPnmToPngKeepsEveryChannel) {
  const Result<EncodedPage> page = encodePage(testing::samplePnm('6', 40, 30), PageEncoding::Png);
  ASSERT_TRUE(page.ok()) << page.error().detail();
  const std::optional<DecodedPng> png = testing::decodePng(page->data);
  ASSERT_TRUE(png.has_value());
  ASSERT_EQ(png->channels, 3);
  const std::uint8_t level = testing::samplePageLevel(17, 11, 40, 30);
  EXPECT_EQ(png->at(17, 11, 0), level);
  EXPECT_EQ(png->at(17, 11, 1), 255 - level);
  EXPECT_EQ(png->at(17, 11, 2), 128);
}

TEST(EncodePage, BitmapPnmBecomesBlackAndWhite) {
  const DecodedPng png = pixelsOf(testing::sampleBitmap(45, 20));
  ASSERT_EQ(png.width, 45);
  for (int y = 0; y < 20; ++y) {
    for (int x = 0; x < 45; ++x) {
      const bool black = testing::samplePageLevel(x, y, 45, 20) < 128;
      ASSERT_EQ(png.at(x, y, 0), black ? 0 : 255) << x << "," << y;
    }
  }
}

TEST(EncodePage, JpegIsCloseToTheSourceAndSmallerAtLowerQuality) {
  const Result<EncodedPage> fine =
      encodePage(testing::samplePnm('5', 120, 90), PageEncoding::Jpeg, 95);
  const Result<EncodedPage> coarse =
      encodePage(testing::samplePnm('5', 120, 90), PageEncoding::Jpeg, 20);
  ASSERT_TRUE(fine.ok() && coarse.ok());
  EXPECT_EQ(fine->mime, "image/jpeg");
  EXPECT_EQ(fine->width, 120);
  EXPECT_EQ(fine->height, 90);
  EXPECT_LT(coarse->data.size(), fine->data.size());
  const DecodedPng png = pixelsOf(fine->data);
  ASSERT_EQ(png.channels, 1);  // a gray scan stays a gray JPEG
  EXPECT_NEAR(png.at(60, 45, 0), testing::samplePageLevel(60, 45, 120, 90), 6);
}

TEST(EncodePage, ReencodesPngAndJpegInputs) {
  const Result<EncodedPage> fromPng = encodePage(testing::samplePng(50, 40), PageEncoding::Jpeg);
  ASSERT_TRUE(fromPng.ok()) << fromPng.error().detail();
  EXPECT_EQ(fromPng->width, 50);
  const Result<EncodedPage> fromJpeg = encodePage(testing::sampleJpeg(50, 40), PageEncoding::Png);
  ASSERT_TRUE(fromJpeg.ok()) << fromJpeg.error().detail();
  EXPECT_EQ(fromJpeg->height, 40);
  const DecodedPng png = pixelsOf(fromJpeg->data);
  ASSERT_EQ(png.channels, 3);
  EXPECT_NEAR(png.at(25, 20, 0), testing::samplePageLevel(25, 20, 50, 40), 8);
}

TEST(MakeThumbnail, KeepsTheAspectRatioWithinTheLongerEdge) {
  // An A4 page at 50 dpi: 413 × 585.
  const Result<EncodedPage> thumbnail = makeThumbnail(testing::samplePnm('6', 413, 585), 200);
  ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().detail();
  EXPECT_EQ(thumbnail->mime, "image/jpeg");
  EXPECT_EQ(thumbnail->height, 200);
  EXPECT_EQ(thumbnail->width, 141);  // 413 × 200 / 585 rounded
  const DecodedPng png = pixelsOf(thumbnail->data);
  EXPECT_EQ(png.width, 141);
  EXPECT_EQ(png.height, 200);
}

TEST(MakeThumbnail, AveragesAreasInsteadOfSkippingPixels) {
  // Alternating black and white columns: sampling every other pixel would give all black or all
  // white; area averaging gives mid grey.
  std::string header = "P5\n64 64\n255\n";
  Bytes pnm(header.begin(), header.end());
  for (int i = 0; i < 64 * 64; ++i) pnm.push_back((i % 2) != 0 ? 255 : 0);
  const Result<EncodedPage> thumbnail = makeThumbnail(pnm, 16);
  ASSERT_TRUE(thumbnail.ok());
  const DecodedPng png = pixelsOf(thumbnail->data);
  EXPECT_NEAR(png.at(8, 8, 0), 128, 6);
}

TEST(MakeThumbnail, NeverEnlargesASmallImage) {
  const Result<EncodedPage> thumbnail = makeThumbnail(testing::samplePnm('5', 30, 20), 256);
  ASSERT_TRUE(thumbnail.ok());
  EXPECT_EQ(thumbnail->width, 30);
  EXPECT_EQ(thumbnail->height, 20);
}

TEST(MakeThumbnail, AThinStripKeepsAtLeastOnePixel) {
  const Result<EncodedPage> thumbnail = makeThumbnail(testing::samplePnm('5', 2000, 3), 100);
  ASSERT_TRUE(thumbnail.ok()) << thumbnail.error().detail();
  EXPECT_EQ(thumbnail->width, 100);
  EXPECT_EQ(thumbnail->height, 1);
}

TEST(EncodePageAndThumbnail, GivesTheSameAsTheTwoCalls) {
  const Bytes pnm = testing::samplePnm('6', 300, 420);
  const Result<PageAndThumbnail> both = encodePageAndThumbnail(pnm, PageEncoding::Png, 85, 100);
  ASSERT_TRUE(both.ok()) << both.error().detail();
  const Result<EncodedPage> page = encodePage(pnm, PageEncoding::Png);
  const Result<EncodedPage> thumbnail = makeThumbnail(pnm, 100);
  ASSERT_TRUE(page.ok() && thumbnail.ok());
  EXPECT_EQ(both->page.data, page->data);
  EXPECT_EQ(both->thumbnail.data, thumbnail->data);
  EXPECT_EQ(both->thumbnail.height, 100);
  EXPECT_EQ(both->thumbnail.width, 71);
  EXPECT_EQ(encodePageAndThumbnail(Bytes{'P', '6'}, PageEncoding::Png).error().reason(),
            Reason::ImageInvalid);
}

}  // namespace
}  // namespace onestop::imaging
