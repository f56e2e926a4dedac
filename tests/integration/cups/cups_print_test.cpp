// The cups plugin against a real, private cupsd with a cups-pdf queue: enumeration, capabilities,
// a PDF printed end to end (the file cups-pdf writes holds the text), the job's IPP attributes,
// and cancel of a held job.
#include <gtest/gtest.h>

#include <cups/ipp.h>
#include <algorithm>
#include <fstream>

#include "cups_test_support.hpp"

namespace onestop::cups::testing {
namespace {

using namespace std::chrono_literals;
using plugins::PrintJobState;

TEST_F(CupsPluginTest, ListsTheQueueAsAPrinterNamedByItsQueueName) {
  const auto devices = host_->devices();

  const auto it = std::find_if(devices.begin(), devices.end(),
                               [&](const auto& d) { return d.id == deviceId(); });
  ASSERT_NE(it, devices.end()) << logs_.all();
  EXPECT_EQ(it->kind, plugins::DeviceKind::Printer);
  EXPECT_EQ(it->localId, fixture_->queue());
  // cups-pdf's queue has no printer-info: the queue name is its name.
  EXPECT_EQ(it->name, fixture_->queue());
}

TEST_F(CupsPluginTest, ReportsCupsPdfsCapabilities) {
  auto caps = printer()->capabilities();

  ASSERT_TRUE(caps.ok()) << caps.error().detail();
  EXPECT_TRUE(caps->color);    // the PPD says ColorDevice True
  EXPECT_FALSE(caps->duplex);  // and has no Duplex option
  EXPECT_EQ(caps->maxCopies, 99u);
}

TEST_F(CupsPluginTest, PrintsAPdfThatCupsPdfWritesWithItsText) {
  const std::string marker = "ONESTOP CUPS TEST 4711";
  plugins::PrintOptions options;
  options.title = "HS-2026-000123";

  const auto document = pdfWithText(marker);
  const auto source = fixture_->stateDir() / "source.pdf";
  std::ofstream(source, std::ios::binary)
      .write(reinterpret_cast<const char*>(document.data()),
             static_cast<std::streamsize>(document.size()));
  ASSERT_NE(pdfText(source).find(marker), std::string::npos) << "the test document lacks its text";

  auto job = printer()->submit(document, options);

  ASSERT_TRUE(job.ok()) << job.error().detail() << logs_.all();
  EXPECT_EQ(waitForFinalState(*job, 60s), PrintJobState::Completed);
  const auto pdf = fixture_->waitForPdf(30s);
  ASSERT_TRUE(pdf.has_value()) << "no PDF in " << fixture_->outputDir();
  EXPECT_NE(pdfText(*pdf).find(marker), std::string::npos) << pdfText(*pdf);
  const auto recorded = recordedJob(std::stoi(*job));
  ASSERT_TRUE(recorded.has_value());
  EXPECT_EQ(recorded->name, options.title);
  EXPECT_EQ(recorded->state, IPP_JSTATE_COMPLETED);
}

TEST_F(CupsPluginTest, PassesCopiesSidesAndA4MediaToTheJob) {
  plugins::PrintOptions options;
  options.copies = 2;
  options.title = "copies-check";

  auto job = printer()->submit(pdfWithText("two copies"), options);

  ASSERT_TRUE(job.ok()) << job.error().detail();
  const auto recorded = recordedJob(std::stoi(*job));
  ASSERT_TRUE(recorded.has_value());
  EXPECT_EQ(recorded->copies, 2);
  EXPECT_EQ(recorded->sides, "one-sided");
  EXPECT_EQ(recorded->media, "iso_a4_210x297mm");
  EXPECT_EQ(waitForFinalState(*job, 60s), PrintJobState::Completed);
}

TEST_F(CupsPluginTest, PrintsTwoSidedOnAQueueThatCan) {
  fixture_->addDuplexQueue("onestop-duplex");
  host_->refresh();
  auto duplex = host_->printer("cups/onestop-duplex");
  ASSERT_TRUE(duplex.ok()) << logs_.all();
  auto caps = (*duplex)->capabilities();
  ASSERT_TRUE(caps.ok()) << caps.error().detail();
  ASSERT_TRUE(caps->duplex);
  plugins::PrintOptions options;
  options.duplex = true;

  auto job = (*duplex)->submit(pdfWithText("two-sided"), options);

  ASSERT_TRUE(job.ok()) << job.error().detail();
  EXPECT_EQ(recordedJob(std::stoi(*job))->sides, "two-sided-long-edge");
  EXPECT_TRUE(fixture_->waitForPdf(30s).has_value());
}

TEST_F(CupsPluginTest, CancelsAHeldJob) {
  const auto file = fixture_->stateDir() / "held.pdf";
  const auto bytes = pdfWithText("held job");
  std::ofstream(file, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  const std::string jobId = std::to_string(fixture_->submitWithLp(file, {"-H", "hold"}));
  auto p = printer();
  ASSERT_EQ(*p->state(jobId), PrintJobState::Pending);

  auto cancelled = p->cancel(jobId);

  ASSERT_TRUE(cancelled.ok()) << cancelled.error().detail();
  EXPECT_EQ(*p->state(jobId), PrintJobState::Cancelled);
  EXPECT_EQ(recordedJob(std::stoi(jobId))->state, IPP_JSTATE_CANCELED);
  // Cancelling again changes nothing and is no error.
  EXPECT_TRUE(p->cancel(jobId).ok());
  EXPECT_TRUE(fixture_->pdfs().empty());
}

TEST_F(CupsPluginTest, LeavesAFinishedJobAsItEndedWhenCancelled) {
  auto job = printer()->submit(pdfWithText("finished"), {});
  ASSERT_TRUE(job.ok()) << job.error().detail();
  ASSERT_EQ(waitForFinalState(*job, 60s), PrintJobState::Completed);

  EXPECT_TRUE(printer()->cancel(*job).ok());
  EXPECT_EQ(*printer()->state(*job), PrintJobState::Completed);
}

TEST_F(CupsPluginTest, SeesAQueueAddedLaterAndAnnouncesIt) {
  fixture_->addQueue("onestop-second");

  const auto start = std::chrono::steady_clock::now();
  host_->refresh();
  const auto took = std::chrono::steady_clock::now() - start;

  // A local scheduler answers at once; a slow list would stall the host's hot-plug polling.
  EXPECT_LT(took, 2s);
  RecordProperty(
      "refreshMicroseconds",
      std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(took).count()));

  const auto device = host_->device("cups/onestop-second");
  ASSERT_TRUE(device.has_value()) << logs_.all();
  EXPECT_EQ(device->kind, plugins::DeviceKind::Printer);
  EXPECT_TRUE(events_.has(plugins::DeviceEvent::Kind::DeviceAdded, "cups/onestop-second"));
}

}  // namespace
}  // namespace onestop::cups::testing
