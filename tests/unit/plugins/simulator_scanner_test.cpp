// The simulator plugin's virtual scanner, through PluginHost.
#include <gtest/gtest.h>

#include <fstream>

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

  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[0].mime, "image/png");
  EXPECT_EQ(pages[0].widthPx, 120u);
  EXPECT_EQ(pages[0].heightPx, 170u);
  EXPECT_EQ(pages[0].resolutionDpi, 200u);
  EXPECT_EQ(pages[0].data.at(1), 'P');
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
  EXPECT_EQ(pages[1].mime, "image/jpeg");
  EXPECT_EQ(std::string(pages[1].data.begin(), pages[1].data.end()), "JPEG-B");
}

TEST(SimulatorScanner, ReportsAnInjectedJam) {
  testing::SimulatorHost sim;
  ASSERT_TRUE(
      sim.host().control("simulator", R"({"command":"setScannerFault","fault":"jammed"})").ok());

  auto job = (*sim.host().scanner(kScanner))->start(adf());

  EXPECT_EQ(job.error().reason(), Reason::ScannerJammed);
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
