// Hostile or damaged page images: every one is Reason::ImageInvalid, nothing is printed, and no
// declared size makes the decoders allocate beyond PageLimits.
#include <gtest/gtest.h>

#include <string>

#include "onestop/imaging/barcode_reader.hpp"
#include "onestop/imaging/page_image.hpp"
#include "page_samples.hpp"

namespace onestop::imaging {
namespace {

using testing::Bytes;

// Every entry point refuses `input` as ImageInvalid without a byte on stderr.
void expectInvalidEverywhere(const Bytes& input, const std::string& context,
                             const PageLimits& limits = {}) {
  ::testing::internal::CaptureStderr();
  const Result<EncodedPage> png = encodePage(input, PageEncoding::Png, 85, limits);
  const Result<EncodedPage> thumbnail = makeThumbnail(input, 128, limits);
  const PdfPageSource page{input, 300};
  const Result<Bytes> pdf = assemblePdf(std::span(&page, 1), limits);
  const Result<std::vector<DecodedBarcode>> barcodes = readBarcodes(input, {}, limits);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "") << context;
  for (const Reason reason : {png.ok() ? Reason::Internal : png.error().reason(),
                              thumbnail.ok() ? Reason::Internal : thumbnail.error().reason(),
                              pdf.ok() ? Reason::Internal : pdf.error().reason(),
                              barcodes.ok() ? Reason::Internal : barcodes.error().reason()}) {
    EXPECT_EQ(reason, Reason::ImageInvalid) << context;
  }
}

// Cuts that lose pixel data; `trailer` bytes at the end carry none (a PNG's 12-byte IEND chunk,
// which libpng does not need once the image data is complete).
void expectEveryTruncationInvalid(const Bytes& full, std::size_t step, const std::string& name,
                                  std::size_t trailer = 0) {
  ASSERT_GT(full.size(), trailer);
  ASSERT_TRUE(encodePage(full, PageEncoding::Png).ok()) << name;
  for (std::size_t size = 0; size < full.size() - trailer; size += step) {
    expectInvalidEverywhere(Bytes(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(size)),
                            name + " cut to " + std::to_string(size));
  }
}

TEST(PageRobustness, EmptyAndForeignInputsAreInvalid) {
  expectInvalidEverywhere({}, "zero bytes");
  expectInvalidEverywhere({'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0}, "GIF");
  expectInvalidEverywhere({'P', '2', '\n', '1', ' ', '1', '\n', '2', '5', '5', '\n', '0'},
                          "ASCII PNM");
}

TEST(PageRobustness, EveryTruncatedPnmIsInvalid) {
  expectEveryTruncationInvalid(testing::samplePnm('6', 20, 10), 7, "P6");
  expectEveryTruncationInvalid(testing::sampleBitmap(20, 10), 3, "P4");
}

TEST(PageRobustness, EveryTruncatedPngIsInvalid) {
  expectEveryTruncationInvalid(testing::samplePng(40, 30), 11, "PNG", 12);
}

TEST(PageRobustness, EveryTruncatedJpegIsInvalid) {
  expectEveryTruncationInvalid(testing::sampleJpeg(40, 30), 13, "JPEG");
}

TEST(PageRobustness, MalformedPnmHeadersAreInvalid) {
  for (const std::string header :
       {"P5\n0 10\n255\n", "P5\n10 -1\n255\n", "P5\n10 10\n0\n", "P5\n10 10\n65536\n",
        "P5\n10 10\n255", "P5 99999999999 1 255\n", "P6\n# only a comment\n"}) {
    Bytes pnm(header.begin(), header.end());
    pnm.resize(pnm.size() + 400, 0x80);
    expectInvalidEverywhere(pnm, header);
  }
}

// Declared dimensions beyond the limits are refused from the header, before any allocation: the
// files below would need gigabytes if decoded.
TEST(PageRobustness, HugeDeclaredDimensionsAreRefusedFromTheHeader) {
  const std::string pnmHeader = "P5\n100000 100000\n255\n";
  expectInvalidEverywhere(Bytes(pnmHeader.begin(), pnmHeader.end()), "PNM 100000²");

  Bytes png = testing::samplePng(40, 30);
  // IHDR width and height (bytes 16–23) set to 60000 × 60000; the CRC is not checked first.
  for (const std::size_t at : {16U, 20U}) {
    png[at] = 0x00;
    png[at + 1] = 0x00;
    png[at + 2] = 0xEA;
    png[at + 3] = 0x60;
  }
  expectInvalidEverywhere(png, "PNG 60000²");

  Bytes jpeg = testing::sampleJpeg(40, 30);
  // The SOF0 frame header: FF C0, length, precision, then height and width.
  std::size_t sof = 2;
  while (sof + 1 < jpeg.size() && !(jpeg[sof] == 0xFF && jpeg[sof + 1] == 0xC0)) ++sof;
  ASSERT_LT(sof + 9, jpeg.size());
  for (const std::size_t at : {sof + 5, sof + 7}) {
    jpeg[at] = 0xEA;
    jpeg[at + 1] = 0x60;
  }
  expectInvalidEverywhere(jpeg, "JPEG 60000²");
}

TEST(PageRobustness, TheCallersLimitsApply) {
  const PageLimits small{.maxWidth = 30, .maxHeight = 30, .maxBytes = 1 << 20};
  expectInvalidEverywhere(testing::samplePnm('5', 31, 10), "PNM wider than 30", small);
  expectInvalidEverywhere(testing::samplePng(10, 31), "PNG taller than 30", small);
  expectInvalidEverywhere(testing::sampleJpeg(31, 31), "JPEG larger than 30", small);
  const PageLimits fewBytes{.maxBytes = 100};
  expectInvalidEverywhere(testing::samplePnm('5', 20, 20), "more bytes than allowed", fewBytes);
}

TEST(PageRobustness, CorruptJpegDataIsInvalidNotGrey) {
  Bytes jpeg = testing::sampleJpeg(64, 64);
  // Overwrite the middle of the entropy-coded data with a marker libjpeg cannot expect there.
  const std::size_t middle = jpeg.size() * 3 / 4;
  jpeg[middle] = 0xFF;
  jpeg[middle + 1] = 0xD8;
  expectInvalidEverywhere(jpeg, "JPEG with a stray SOI in its data");
}

}  // namespace
}  // namespace onestop::imaging
