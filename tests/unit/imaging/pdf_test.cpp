#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "onestop/imaging/page_image.hpp"
#include "page_samples.hpp"

namespace onestop::imaging {
namespace {

using testing::Bytes;

std::string asText(const Bytes& bytes) {
  return {bytes.begin(), bytes.end()};
}

std::size_t count(const std::string& text, const std::regex& pattern) {
  return static_cast<std::size_t>(std::distance(
      std::sregex_iterator(text.begin(), text.end(), pattern), std::sregex_iterator()));
}

// pdfinfo (poppler-utils) as an independent reader: its output, or nothing if it is missing.
std::string pdfinfo(const Bytes& pdf, const std::string& options = "") {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("onestop-pdf-test-" + std::to_string(::getpid()) + ".pdf");
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(pdf.data()), static_cast<std::streamsize>(pdf.size()));
  std::string output;
  if (FILE* pipe = popen(("pdfinfo " + options + " '" + path.string() + "' 2>&1").c_str(), "r")) {
    std::array<char, 4096> buffer{};
    std::size_t got = 0;
    while ((got = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
      output.append(buffer.data(), got);
    pclose(pipe);
  }
  std::filesystem::remove(path);
  return output;
}

TEST(AssemblePdf, OnePagePerImageAtItsPhysicalSize) {
  // An A4 page at 50 dpi (413 × 585 px = 210 × 297 mm), a card at 100 dpi, a page at 150 dpi.
  const Bytes a4 = testing::samplePnm('5', 413, 585);
  const Bytes card = testing::sampleJpeg(337, 213);
  const Bytes page = testing::samplePng(300, 150);
  const std::array<PdfPageSource, 3> pages{PdfPageSource{a4, 50}, PdfPageSource{card, 100},
                                           PdfPageSource{page, 150}};
  const Result<Bytes> pdf = assemblePdf(pages);
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail();
  const std::string text = asText(*pdf);
  EXPECT_EQ(text.rfind("%PDF-", 0), 0U);
  EXPECT_EQ(count(text, std::regex(R"(/Type\s*/Page[^s])")), 3U);

  const std::string info = pdfinfo(*pdf, "-f 1 -l 3");
  ASSERT_NE(info.find("Pages:"), std::string::npos) << "pdfinfo (poppler-utils) missing: " << info;
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Pages:\s+3\n)"))) << info;
  // Points = pixels × 72 / dpi.
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Page\s+1 size:\s+594\.72 x 842\.4 pts)")))
      << info;
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Page\s+2 size:\s+242\.64 x 153\.36 pts)")))
      << info;
  EXPECT_TRUE(std::regex_search(info, std::regex(R"(Page\s+3 size:\s+144 x 72 pts)"))) << info;
}

TEST(AssemblePdf, JpegPagesAreEmbeddedAsTheyAre) {
  const Bytes jpeg = testing::sampleJpeg(400, 300, 60);
  const PdfPageSource page{jpeg, 300};
  const Result<Bytes> pdf = assemblePdf(std::span(&page, 1));
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail();
  const std::string text = asText(*pdf);
  EXPECT_NE(text.find("/DCTDecode"), std::string::npos);
  // The JPEG's own bytes are in the file, untouched.
  EXPECT_NE(text.find(asText(jpeg)), std::string::npos);
  EXPECT_LT(pdf->size(), jpeg.size() + 4096);
}

TEST(AssemblePdf, RefusesNoPagesBadImagesAndOddResolutions) {
  EXPECT_EQ(assemblePdf({}).error().reason(), Reason::ImageInvalid);
  const Bytes good = testing::samplePnm('5', 20, 20);
  const Bytes bad = {'P', '5', '\n', '2', '0'};
  const std::array<PdfPageSource, 2> withBadPage{PdfPageSource{good, 300}, PdfPageSource{bad, 300}};
  const Result<Bytes> refused = assemblePdf(withBadPage);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), Reason::ImageInvalid);
  EXPECT_NE(refused.error().detail().find("page 2"), std::string::npos) << refused.error().detail();
  for (const int dpi : {0, 49, 2401}) {
    const PdfPageSource page{good, dpi};
    EXPECT_EQ(assemblePdf(std::span(&page, 1)).error().reason(), Reason::ImageInvalid) << dpi;
  }
}

}  // namespace
}  // namespace onestop::imaging
