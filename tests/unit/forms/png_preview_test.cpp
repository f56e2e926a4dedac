// PNG previews: the CT01 first page against a checked-in reference (golden/CT01-page1-60dpi.png)
// within a tolerance, and proof that the comparison sees a field's value.
#include <gtest/gtest.h>

#include "forms_test_support.hpp"
#include "onestop/imaging/barcode_reader.hpp"

namespace onestop::forms {
namespace {

using namespace testing;

constexpr int kReferenceDpi = 60;
// Anti-aliasing and font rasterising may shift a little between cairo/FreeType builds; a
// missing word or a moved block costs far more than this.
constexpr double kMaxMeanDifference = 1.0;

TEST(PngPreview, Ct01FirstPageMatchesTheReferenceWithinTolerance) {
  const auto catalog = shippedCatalog();
  const Json data = readJson(testDataDir() / "CT01.json");
  const auto png = catalog->renderPng("CT01", data, 0, kReferenceDpi);
  ASSERT_TRUE(png.ok()) << png.error().detail();
  const auto referencePath = goldenDir() / "CT01-page1-60dpi.png";
  if (updatingGolden()) writeFile(referencePath, std::string(png->begin(), png->end()));
  const std::string referenceBytes = readText(referencePath);
  const RgbImage reference =
      decodePng(std::vector<std::uint8_t>(referenceBytes.begin(), referenceBytes.end()));
  const RgbImage rendered = decodePng(*png);
  ASSERT_EQ(rendered.width, 496);  // 210 mm at 60 dpi
  ASSERT_EQ(rendered.height, 702);
  EXPECT_LT(meanAbsoluteDifference(rendered, reference), kMaxMeanDifference);
}

TEST(PngPreview, AChangedValueChangesThePixels) {
  const auto catalog = shippedCatalog();
  Json data = readJson(testDataDir() / "CT01.json");
  const auto original = catalog->renderPng("CT01", data, 0, kReferenceDpi);
  data["full_name"] = "LÊ THỊ BẢO NGỌC";
  const auto changed = catalog->renderPng("CT01", data, 0, kReferenceDpi);
  data.erase("full_name");
  const auto blank = catalog->renderPng("CT01", data, 0, kReferenceDpi);
  ASSERT_TRUE(original.ok() && changed.ok() && blank.ok());
  const RgbImage a = decodePng(*original);
  // A name is a few hundred dark pixels at 60 dpi: well over a re-render's noise (none).
  EXPECT_GT(differingPixels(a, decodePng(*changed), 64), 100U);
  EXPECT_GT(differingPixels(a, decodePng(*blank), 64), 100U);
  EXPECT_EQ(differingPixels(a,
                            decodePng(*catalog->renderPng(
                                "CT01", readJson(testDataDir() / "CT01.json"), 0, kReferenceDpi)),
                            0),
            0U)
      << "rendering is not deterministic";
}

TEST(PngPreview, SizeFollowsTheDpiAndPagesAreChecked) {
  const auto catalog = shippedCatalog();
  const Json data = readJson(testDataDir() / "CT01.json");
  const auto notes = catalog->renderPng("CT01", data, 1, 36);
  ASSERT_TRUE(notes.ok());
  EXPECT_EQ(decodePng(*notes).width, 298);
  for (const auto& [page, dpi] :
       {std::pair{2, 72}, std::pair{-1, 72}, std::pair{0, 35}, std::pair{0, 301}}) {
    const auto refused = catalog->renderPng("CT01", data, page, dpi);
    ASSERT_FALSE(refused.ok()) << page << "@" << dpi;
    EXPECT_EQ(refused.error().reason(), Reason::ValidationFailed);
  }
}

// The guide's QR is drawn as vector squares; a real QR reader must read the URL back.
TEST(PngPreview, TheGuideQrDecodesToTheInstallUrl) {
  const auto catalog = shippedCatalog();
  const Json data = readJson(testDataDir() / "VNEID-GUIDE.json");
  const auto png = catalog->renderPng("VNEID-GUIDE", data, 0, 150);
  ASSERT_TRUE(png.ok()) << png.error().detail();
  const auto found = imaging::readBarcodes(*png);
  ASSERT_TRUE(found.ok()) << found.error().detail();
  ASSERT_EQ(found->size(), 1U);
  EXPECT_EQ(found->front().text, data["install_qr_text"].get<std::string>());
  EXPECT_EQ(found->front().format, "QRCode");
}

}  // namespace
}  // namespace onestop::forms
