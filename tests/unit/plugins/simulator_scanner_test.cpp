// The simulator plugin's virtual scanner, through PluginHost.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "simulator_support.hpp"

namespace onestop::plugins {
namespace {

constexpr const char* kScanner = "simulator/scanner-0";

ScanOptions adf(std::uint32_t maxPages = 0) {
  ScanOptions o;
  o.source = ScanSource::Adf;
  o.maxPages = maxPages;
  o.resolutionDpi = 200;
  return o;
}

ScanOptions flatbed(std::uint32_t dpi) {
  ScanOptions o;
  o.source = ScanSource::Flatbed;
  o.resolutionDpi = dpi;
  return o;
}

std::vector<std::uint8_t> fileBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path stagedCard(const std::string& card) {
  return testing::simulatorDir() / "cards" / card;
}

std::vector<ScanPage> drain(ScanJob& job) {
  std::vector<ScanPage> pages;
  for (;;) {
    auto page = job.next();
    if (!page.ok() || !page->has_value()) break;
    pages.push_back(std::move(**page));
  }
  return pages;
}

TEST(SimulatorScanner, FeedsEveryDefaultPageFromTheAdf) {
  testing::SimulatorHost sim;
  auto scanner = sim.host().scanner(kScanner);
  ASSERT_TRUE(scanner.ok());

  auto job = (*scanner)->start(adf());
  ASSERT_TRUE(job.ok()) << job.error().detail();
  const auto pages = drain(**job);

  // Synthetic A4 forms scanned at 150 dpi: the page says so (PNG pHYs), whatever was asked.
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].mime, "image/png");
  EXPECT_EQ(pages[0].widthPx, 1240u);
  EXPECT_EQ(pages[0].heightPx, 1754u);
  EXPECT_EQ(pages[0].resolutionDpi, 150u);
  EXPECT_EQ(pages[0].data, fileBytes(testing::simulatorDir() / "data" / "scan" / "page-1.png"));
  auto after = (*job)->next();
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(after->has_value());
}

TEST(SimulatorScanner, StopsAtMaxPages) {
  testing::SimulatorHost sim;
  auto job = (*sim.host().scanner(kScanner))->start(adf(2));
  ASSERT_TRUE(job.ok());

  EXPECT_EQ(drain(**job).size(), 2u);
}

TEST(SimulatorScanner, GivesOnePageFromTheFlatbed) {
  testing::SimulatorHost sim;
  auto job = (*sim.host().scanner(kScanner))->start(ScanOptions{});
  ASSERT_TRUE(job.ok());

  EXPECT_EQ(drain(**job).size(), 1u);
}

TEST(SimulatorScanner, EndsACancelledJobWithCancelled) {
  testing::SimulatorHost sim;
  auto job = (*sim.host().scanner(kScanner))->start(adf());
  ASSERT_TRUE(job.ok());
  ASSERT_TRUE((*job)->next().ok());

  ASSERT_TRUE((*job)->cancel().ok());
  auto next = (*job)->next();

  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.error().reason(), Reason::Cancelled);
}

TEST(SimulatorScanner, RunsOneJobAtATime) {
  testing::SimulatorHost sim;
  auto scanner = *sim.host().scanner(kScanner);
  auto first = scanner->start(adf());
  ASSERT_TRUE(first.ok());

  auto second = scanner->start(adf());
  ASSERT_EQ(second.error().reason(), Reason::DeviceBusy);
  first->reset();  // finishing the first job frees the scanner

  EXPECT_TRUE(scanner->start(adf()).ok());
}

TEST(SimulatorScanner, AnswersNoDocumentsForAnAdfScanOfAnEmptyFolder) {
  testing::TempDir empty;
  testing::SimulatorHost sim(R"("scanImages":")" + empty.path().string() + "\"");

  auto job = (*sim.host().scanner(kScanner))->start(adf());

  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().reason(), Reason::NoDocuments);
}

TEST(SimulatorScanner, ScansTheConfiguredFolderInNameOrder) {
  testing::TempDir images;
  std::ofstream(images.path() / "b.jpg") << "JPEG-B";
  std::ofstream(images.path() / "a.png") << "not really a png";
  std::ofstream(images.path() / "notes.txt") << "ignored";
  testing::SimulatorHost sim(R"("scanImages":")" + images.path().string() + "\"");

  auto job = (*sim.host().scanner(kScanner))->start(adf());
  ASSERT_TRUE(job.ok());
  const auto pages = drain(**job);

  ASSERT_EQ(pages.size(), 2u);
  EXPECT_EQ(pages[0].mime, "image/png");
  EXPECT_EQ(pages[0].resolutionDpi, 200u);  // no resolution in the file: as asked
  EXPECT_EQ(pages[1].mime, "image/jpeg");
  EXPECT_EQ(std::string(pages[1].data.begin(), pages[1].data.end()), "JPEG-B");
}

TEST(SimulatorScanner, ReportsEachInjectedFaultTypedAndScansAgainOnceCleared) {
  const std::pair<const char*, Reason> faults[] = {
      {"jammed", Reason::ScannerJammed},    {"coverOpen", Reason::CoverOpen},
      {"busy", Reason::DeviceBusy},         {"io", Reason::IoError},
      {"noDocuments", Reason::NoDocuments},
  };
  testing::SimulatorHost sim;
  auto scanner = *sim.host().scanner(kScanner);
  for (const auto& [fault, reason] : faults) {
    SCOPED_TRACE(fault);
    const nlohmann::json set{{"command", "setScannerFault"}, {"fault", fault}};
    ASSERT_TRUE(sim.host().control("simulator", set.dump()).ok());

    auto failed = scanner->start(adf());
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().reason(), reason);

    ASSERT_TRUE(
        sim.host().control("simulator", R"({"command":"setScannerFault","fault":"none"})").ok());
    auto next = scanner->start(adf());
    ASSERT_TRUE(next.ok()) << next.error().detail();
    EXPECT_EQ(drain(**next).size(), 3u);
  }
}

TEST(SimulatorScanner, ScansTheFlatbedWithAnEmptyFeeder) {
  testing::SimulatorHost sim;
  ASSERT_TRUE(sim.host()
                  .control("simulator", R"({"command":"setScannerFault","fault":"noDocuments"})")
                  .ok());

  auto job = (*sim.host().scanner(kScanner))->start(flatbed(300));

  ASSERT_TRUE(job.ok()) << job.error().detail();
  EXPECT_EQ(drain(**job).size(), 1u);
}

TEST(SimulatorScanner, RejectsAnUnknownFault) {
  testing::SimulatorHost sim;

  auto answer =
      sim.host().control("simulator", R"({"command":"setScannerFault","fault":"onFire"})");

  ASSERT_FALSE(answer.ok());
  EXPECT_EQ(answer.error().reason(), Reason::ValidationFailed);
}

TEST(SimulatorScanner, ScansTheCardOnTheGlassAtTheNearestResolution) {
  testing::SimulatorHost sim;
  auto placed = sim.host().control(
      "simulator", R"({"command":"placeOnGlass","scanner":"scanner-0","card":"an-2021"})");
  ASSERT_TRUE(placed.ok()) << placed.error().detail();
  EXPECT_EQ(nlohmann::json::parse(*placed)["glass"], "an-2021");
  auto scanner = *sim.host().scanner(kScanner);

  struct Case {
    std::uint32_t asked, served, widthPx;
  };
  for (const Case c :
       {Case{300, 300, 2480}, Case{600, 300, 2480}, Case{200, 150, 1240}, Case{150, 150, 1240}}) {
    SCOPED_TRACE(c.asked);
    auto job = scanner->start(flatbed(c.asked));
    ASSERT_TRUE(job.ok()) << job.error().detail();
    const auto pages = drain(**job);

    ASSERT_EQ(pages.size(), 1u);
    EXPECT_EQ(pages[0].resolutionDpi, c.served);
    EXPECT_EQ(pages[0].widthPx, c.widthPx);
    EXPECT_EQ(pages[0].mime, "image/png");
    EXPECT_EQ(pages[0].data,
              fileBytes(stagedCard("an-2021") / ("glass-" + std::to_string(c.served) + "dpi.png")));
  }
}

TEST(SimulatorScanner, FeedsTheDocumentPagesWhateverLiesOnTheGlass) {
  testing::SimulatorHost sim(R"("glass":"khanh-2024")");

  auto job = (*sim.host().scanner(kScanner))->start(adf());

  ASSERT_TRUE(job.ok());
  const auto pages = drain(**job);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].widthPx, 1240u);
  EXPECT_EQ(pages[0].data, fileBytes(testing::simulatorDir() / "data" / "scan" / "page-1.png"));
}

TEST(SimulatorScanner, TakesTheGlassFromItsConfigAndClearsIt) {
  testing::SimulatorHost sim(R"("glass":"khanh-2024")");
  auto scanner = *sim.host().scanner(kScanner);
  const auto status = [&] {
    return nlohmann::json::parse(*sim.host().control("simulator", R"({"command":"status"})"));
  };
  EXPECT_EQ(status()["glass"], "khanh-2024");
  {
    auto job = scanner->start(flatbed(300));
    ASSERT_TRUE(job.ok());
    EXPECT_EQ(drain(**job).at(0).data, fileBytes(stagedCard("khanh-2024") / "glass-300dpi.png"));
  }

  ASSERT_TRUE(sim.host().control("simulator", R"({"command":"clearGlass"})").ok());
  auto job = scanner->start(flatbed(300));

  ASSERT_TRUE(job.ok());
  EXPECT_TRUE(status()["glass"].is_null());
  EXPECT_EQ(drain(**job).at(0).data,
            fileBytes(testing::simulatorDir() / "data" / "scan" / "page-1.png"));
}

TEST(SimulatorScanner, RefusesToPlaceWhatHasNoGlassScan) {
  testing::SimulatorHost sim;
  for (const char* card : {"no-such-card", "../cards/an-2021", "tampered-dg13", ""}) {
    SCOPED_TRACE(card);
    const nlohmann::json place{{"command", "placeOnGlass"}, {"card", card}};

    auto answer = sim.host().control("simulator", place.dump());

    ASSERT_FALSE(answer.ok());
    EXPECT_EQ(answer.error().reason(), Reason::ValidationFailed);
  }
}

TEST(SimulatorScanner, FailsToStartWithAGlassCardThatHasNoScans) {
  testing::SimulatorHost sim(R"("glass":"no-such-card")");

  auto scanner = sim.host().scanner(kScanner);

  EXPECT_FALSE(scanner.ok());
}

TEST(SimulatorScanner, ReportsCapabilities) {
  testing::SimulatorHost sim;

  auto caps = (*sim.host().scanner(kScanner))->capabilities();

  ASSERT_TRUE(caps.ok());
  EXPECT_EQ(caps->sources, (std::vector<ScanSource>{ScanSource::Flatbed, ScanSource::Adf}));
  EXPECT_EQ(caps->resolutionsDpi, (std::vector<std::uint32_t>{150, 200, 300, 600}));
  EXPECT_EQ(caps->maxWidthUm, 210000u);
}

TEST(SimulatorScanner, CancelsARunningJobAtShutdown) {
  testing::SimulatorHost sim;
  auto job = (*sim.host().scanner(kScanner))->start(adf());
  ASSERT_TRUE(job.ok());

  sim.host().shutdown();

  EXPECT_EQ((*job)->next().error().reason(), Reason::DeviceNotFound);
}

}  // namespace
}  // namespace onestop::plugins
