// The sane plugin loaded by PluginHost from its staged folder, scanning from the real SANE "test"
// backend under a private config: enumeration, capabilities, colour/gray/lineart at several
// resolutions, a scan area, three-pass and hand-scanner frames, and the ADF.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "sane_test_support.hpp"

namespace onestop::sane::testing {
namespace {

using plugins::ScanMode;
using plugins::ScanSource;

plugins::ScanOptions a4(ScanMode mode, std::uint32_t dpi) {
  plugins::ScanOptions o;
  o.mode = mode;
  o.resolutionDpi = dpi;
  o.widthUm = kA4WidthUm;
  o.heightUm = kA4HeightUm;
  return o;
}

class SaneScan : public SanePluginTest {};

TEST_F(SaneScan, ListsBothTestScannersWithTheirSaneNames) {
  std::set<std::string> ids;
  for (const auto& d : host_->devices()) {
    if (d.pluginId != "sane") continue;
    ids.insert(d.id);
    EXPECT_FALSE(d.simulated);
  }

  EXPECT_EQ(ids, (std::set<std::string>{kScanner0, kScanner1})) << logs_.all();
  const auto device = host_->device(kScanner0);
  ASSERT_TRUE(device.has_value());
  EXPECT_EQ(device->localId, "test:0");
}

TEST_F(SaneScan, CapabilitiesComeFromTheBackendsOptions) {
  auto caps = scanner()->capabilities();

  ASSERT_TRUE(caps.ok()) << caps.error().detail();
  // The test backend's modes are Gray and Color; lineart is gray at depth 1.
  EXPECT_EQ(caps->modes,
            (std::vector<ScanMode>{ScanMode::Color, ScanMode::Gray, ScanMode::Lineart}));
  EXPECT_EQ(caps->sources, (std::vector<ScanSource>{ScanSource::Flatbed, ScanSource::Adf}));
  // Its resolution is a SANE_TYPE_FIXED range 1..1200: the common values inside it are offered.
  EXPECT_EQ(caps->resolutionsDpi, (std::vector<std::uint32_t>{75, 100, 150, 200, 300, 600}));
  // geometry_max 300 (mm, FIXED) in the fixture's test.conf: A4 fits.
  EXPECT_EQ(caps->maxWidthUm, 300000u);
  EXPECT_EQ(caps->maxHeightUm, 300000u);
  EXPECT_GE(caps->maxWidthUm, kA4WidthUm);
  EXPECT_GE(caps->maxHeightUm, kA4HeightUm);
}

struct ModeAndDpi {
  ScanMode mode;
  std::uint32_t dpi;
};
void PrintTo(const ModeAndDpi& p, std::ostream* out) {
  *out << (p.mode == ScanMode::Color ? "Color " : "Gray ") << p.dpi << " dpi";
}

class SaneA4Page : public SanePluginTest, public ::testing::WithParamInterface<ModeAndDpi> {};

TEST_P(SaneA4Page, HasTheA4SizeAtThatResolutionAndTheModesChannels) {
  const auto [mode, dpi] = GetParam();

  auto pages = scanAll(a4(mode, dpi));

  ASSERT_TRUE(pages.ok()) << pages.error().detail() << logs_.all();
  ASSERT_EQ(pages->size(), 1u);  // flatbed: one page
  const auto& page = pages->front();
  EXPECT_EQ(page.mime, "image/x-portable-anymap");
  EXPECT_EQ(page.resolutionDpi, dpi);
  const auto pnm = readPnm(page.data);
  ASSERT_TRUE(pnm.has_value());
  EXPECT_EQ(pnm->magic, mode == ScanMode::Color ? "P6" : "P5");
  EXPECT_EQ(pnm->maxval, 255u);
  EXPECT_TRUE(pnm->sizeMatches);
  EXPECT_NEAR(pnm->width, pixelsFor(kA4WidthUm, dpi), 2.0);
  EXPECT_NEAR(pnm->height, pixelsFor(kA4HeightUm, dpi), 2.0);
  EXPECT_EQ(page.widthPx, pnm->width);
  EXPECT_EQ(page.heightPx, pnm->height);
}

INSTANTIATE_TEST_SUITE_P(
    ColourAndGray, SaneA4Page,
    ::testing::Values(ModeAndDpi{ScanMode::Color, 75}, ModeAndDpi{ScanMode::Color, 150},
                      ModeAndDpi{ScanMode::Color, 300}, ModeAndDpi{ScanMode::Gray, 75},
                      ModeAndDpi{ScanMode::Gray, 150}, ModeAndDpi{ScanMode::Gray, 300}),
    [](const auto& param) {
      return std::string(param.param.mode == ScanMode::Color ? "Color" : "Gray") +
             std::to_string(param.param.dpi) + "dpi";
    });

TEST_F(SaneScan, LineartIsAOneBitBitmap) {
  auto pages = scanAll(a4(ScanMode::Lineart, 150));

  ASSERT_TRUE(pages.ok()) << pages.error().detail() << logs_.all();
  const auto pnm = readPnm(pages->front().data);
  ASSERT_TRUE(pnm.has_value());
  EXPECT_EQ(pnm->magic, "P4");
  EXPECT_TRUE(pnm->sizeMatches);
  EXPECT_NEAR(pnm->width, pixelsFor(kA4WidthUm, 150), 2.0);
  // The next gray job gets 8 bits again although the backend remembers depth 1.
  auto gray = scanAll(a4(ScanMode::Gray, 75));
  ASSERT_TRUE(gray.ok()) << gray.error().detail();
  EXPECT_EQ(readPnm(gray->front().data)->magic, "P5");
}

TEST_F(SaneScan, SixteenBitGrayFromAVendorDepthIsAWidePnm) {
  // The vendor option comes after the standard ones, so it overrides the plugin's depth 8.
  setOptions({{"depth", 16}, {"test-picture", "Color pattern"}});

  auto pages = scanAll(a4(ScanMode::Gray, 75));

  ASSERT_TRUE(pages.ok()) << pages.error().detail() << logs_.all();
  const auto pnm = readPnm(pages->front().data);
  ASSERT_TRUE(pnm.has_value());
  EXPECT_EQ(pnm->magic, "P5");
  EXPECT_EQ(pnm->maxval, 65535u);
  EXPECT_TRUE(pnm->sizeMatches);
  EXPECT_NEAR(pnm->width, pixelsFor(kA4WidthUm, 75), 2.0);
}

TEST_F(SaneScan, ColourPatternPagesCarryTheBackendsPixels) {
  setOptions({{"test-picture", "Color pattern"}});

  auto pages = scanAll(a4(ScanMode::Color, 75));

  ASSERT_TRUE(pages.ok()) << pages.error().detail() << logs_.all();
  const auto& data = pages->front().data;
  const auto pnm = readPnm(data);
  ASSERT_TRUE(pnm.has_value());
  const std::set<std::uint8_t> values(data.begin() + static_cast<std::ptrdiff_t>(pnm->headerBytes),
                                      data.end());
  EXPECT_GT(values.size(), 2u) << "a colour pattern, not a solid page";
}

TEST_F(SaneScan, AnAreaGivesThatPartOfThePage) {
  plugins::ScanOptions o;
  o.mode = ScanMode::Color;
  o.resolutionDpi = 150;
  o.leftUm = 10000;
  o.topUm = 20000;
  o.widthUm = 50000;
  o.heightUm = 30000;

  auto pages = scanAll(o);

  ASSERT_TRUE(pages.ok()) << pages.error().detail() << logs_.all();
  const auto pnm = readPnm(pages->front().data);
  ASSERT_TRUE(pnm.has_value());
  EXPECT_NEAR(pnm->width, pixelsFor(50000, 150), 2.0);
  EXPECT_NEAR(pnm->height, pixelsFor(30000, 150), 2.0);
}

TEST_F(SaneScan, ThreePassColourFramesBecomeOneRgbPage) {
  setOptions({{"three-pass", true}, {"test-picture", "Color pattern"}});

  auto pages = scanAll(a4(ScanMode::Color, 75));

  ASSERT_TRUE(pages.ok()) << pages.error().detail() << logs_.all();
  ASSERT_EQ(pages->size(), 1u);
  const auto pnm = readPnm(pages->front().data);
  ASSERT_TRUE(pnm.has_value());
  EXPECT_EQ(pnm->magic, "P6");
  EXPECT_TRUE(pnm->sizeMatches);
  EXPECT_NEAR(pnm->width, pixelsFor(kA4WidthUm, 75), 2.0);
  EXPECT_NEAR(pnm->height, pixelsFor(kA4HeightUm, 75), 2.0);
}

TEST_F(SaneScan, AHandScannerWithUnknownHeightIsReadToTheEnd) {
  // lines = -1 in the parameters; the backend's hand scanner is 110 x 170 mm.
  setOptions({{"hand-scanner", true}});

  auto pages = scanAll(a4(ScanMode::Gray, 100));

  ASSERT_TRUE(pages.ok()) << pages.error().detail() << logs_.all();
  const auto pnm = readPnm(pages->front().data);
  ASSERT_TRUE(pnm.has_value());
  EXPECT_TRUE(pnm->sizeMatches);
  EXPECT_NEAR(pnm->width, pixelsFor(110000, 100), 2.0);
  EXPECT_NEAR(pnm->height, pixelsFor(170000, 100), 2.0);
}

TEST_F(SaneScan, TheFeederGivesTenPagesThenEndsNormally) {
  auto o = a4(ScanMode::Gray, 75);
  o.source = ScanSource::Adf;

  auto pages = scanAll(o);

  ASSERT_TRUE(pages.ok()) << pages.error().detail() << logs_.all();
  EXPECT_EQ(pages->size(), 10u);
  for (const auto& page : *pages) {
    const auto pnm = readPnm(page.data);
    ASSERT_TRUE(pnm.has_value());
    EXPECT_TRUE(pnm->sizeMatches);
  }
  // Each job opens the device afresh: a second feeder job has ten pages again.
  auto again = scanAll(o);
  ASSERT_TRUE(again.ok()) << again.error().detail();
  EXPECT_EQ(again->size(), 10u);
}

TEST_F(SaneScan, MaxPagesStopsTheFeederEarly) {
  auto o = a4(ScanMode::Color, 75);
  o.source = ScanSource::Adf;
  o.maxPages = 3;

  auto pages = scanAll(o);

  ASSERT_TRUE(pages.ok()) << pages.error().detail() << logs_.all();
  EXPECT_EQ(pages->size(), 3u);
}

TEST_F(SaneScan, TheStatusCommandNamesTheDevicesAndTheOptionsSet) {
  setOptions({{"test-picture", "Grid"}}, "test:1");

  auto status = control({{"command", "status"}});

  ASSERT_TRUE(status.ok()) << status.error().detail();
  const auto doc = nlohmann::json::parse(*status);
  EXPECT_EQ(doc["allowNetworkBackends"], false);
  EXPECT_EQ(doc["devices"].size(), 2u);
  EXPECT_EQ(doc["options"]["test:1"]["test-picture"], "Grid");
  clearOptions("test:1");
  const auto cleared = nlohmann::json::parse(*control({{"command", "status"}}));
  EXPECT_FALSE(cleared["options"].contains("test:1"));
}

}  // namespace
}  // namespace onestop::sane::testing
