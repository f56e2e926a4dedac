// Faults through the cups plugin with a real cupsd: a stopped or rejecting queue, a queue removed
// while in use, documents that are not PDFs, options the queue cannot honour, job ids that are
// not this printer's.
#include <gtest/gtest.h>

#include <cups/ipp.h>

#include <fstream>
#include <thread>

#include "cups_test_support.hpp"

namespace onestop::cups::testing {
namespace {

using namespace std::chrono_literals;

TEST_F(CupsPluginTest, AStoppedQueueIsPrinterStopped) {
  auto p = printer();
  fixture_->stopQueue();

  auto job = p->submit(pdfWithText("stopped"), {});

  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().reason(), Reason::PrinterStopped) << job.error().detail();
  EXPECT_TRUE(logs_.contains("stopped")) << logs_.all();
  fixture_->startQueue();
  EXPECT_TRUE(p->submit(pdfWithText("started again"), {}).ok());
}

TEST_F(CupsPluginTest, AQueueThatRejectsJobsIsPrinterStopped) {
  auto p = printer();
  fixture_->rejectJobs();

  auto job = p->submit(pdfWithText("rejected"), {});

  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().reason(), Reason::PrinterStopped) << job.error().detail();
  fixture_->acceptJobs();
  EXPECT_TRUE(p->submit(pdfWithText("accepted again"), {}).ok());
}

TEST_F(CupsPluginTest, AQueueRemovedMidwayIsDeviceNotFoundAndLeavesTheList) {
  auto p = printer();
  const auto file = fixture_->stateDir() / "held.pdf";
  const auto bytes = pdfWithText("held");
  std::ofstream(file, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()),
             static_cast<std::streamsize>(bytes.size()));
  const std::string heldJob = std::to_string(fixture_->submitWithLp(file, {"-H", "hold"}));

  fixture_->removeQueue();

  auto job = p->submit(pdfWithText("gone"), {});
  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().reason(), Reason::DeviceNotFound) << job.error().detail();
  EXPECT_EQ(p->capabilities().error().reason(), Reason::DeviceNotFound);
  EXPECT_EQ(p->state(heldJob).error().reason(), Reason::DeviceNotFound);
  host_->refresh();
  EXPECT_FALSE(host_->device(deviceId()).has_value());
  EXPECT_TRUE(events_.has(plugins::DeviceEvent::Kind::DeviceRemoved, deviceId()));
}

TEST_F(CupsPluginTest, AJobTheBackendAbortsEndsFailed) {
  fixture_->addFailingQueue("onestop-broken");
  host_->refresh();
  auto broken = host_->printer("cups/onestop-broken");
  ASSERT_TRUE(broken.ok()) << logs_.all();

  auto job = (*broken)->submit(pdfWithText("aborted"), {});

  ASSERT_TRUE(job.ok()) << job.error().detail();
  const auto deadline = std::chrono::steady_clock::now() + 60s;
  auto state = (*broken)->state(*job);
  while (state.ok() && *state != plugins::PrintJobState::Failed &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(50ms);
    state = (*broken)->state(*job);
  }
  ASSERT_TRUE(state.ok()) << state.error().detail();
  EXPECT_EQ(*state, plugins::PrintJobState::Failed);
  EXPECT_EQ(recordedJob(std::stoi(*job))->state, IPP_JSTATE_ABORTED);
}

TEST_F(CupsPluginTest, ASchedulerThatIsDownIsAnIoErrorAndListsNoPrinters) {
  auto p = printer();
  fixture_->stopScheduler();

  auto job = p->submit(pdfWithText("no scheduler"), {});
  host_->refresh();

  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().reason(), Reason::IoError) << job.error().detail();
  EXPECT_FALSE(host_->device(deviceId()).has_value());
  EXPECT_TRUE(logs_.contains("cannot list queues")) << logs_.all();
}

TEST_F(CupsPluginTest, ADocumentThatIsNotAPdfIsRefused) {
  const std::string gif = "GIF89a not a pdf";
  const std::vector<std::uint8_t> bytes(gif.begin(), gif.end());

  auto job = printer()->submit(bytes, {});

  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().reason(), Reason::ValidationFailed);
  EXPECT_TRUE(fixture_->pdfs().empty());
}

TEST_F(CupsPluginTest, TwoSidedOnAOneSidedQueueIsNotSupported) {
  plugins::PrintOptions options;
  options.duplex = true;

  auto job = printer()->submit(pdfWithText("duplex"), options);

  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().reason(), Reason::NotSupported);
}

TEST_F(CupsPluginTest, MoreCopiesThanTheLimitAreRefused) {
  plugins::PrintOptions options;
  options.copies = 100;

  auto job = printer()->submit(pdfWithText("too many"), options);

  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().reason(), Reason::ValidationFailed);
}

TEST_F(CupsPluginTest, JobIdsThatAreNotThisPrintersAreRefused) {
  fixture_->addQueue("onestop-other");
  host_->refresh();
  auto other = host_->printer("cups/onestop-other");
  ASSERT_TRUE(other.ok());
  auto job = (*other)->submit(pdfWithText("other queue"), {});
  ASSERT_TRUE(job.ok()) << job.error().detail();
  auto p = printer();

  EXPECT_EQ(p->state(*job).error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(p->cancel(*job).error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(p->state("999999").error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(p->state("not-a-job").error().reason(), Reason::ValidationFailed);
  EXPECT_TRUE((*other)->state(*job).ok());
}

TEST_F(CupsPluginTest, StatusControlNamesTheSchedulerAndItsQueues) {
  auto control = host_->control("cups", R"({"command":"status"})");
  ASSERT_TRUE(control.ok()) << control.error().detail();
  EXPECT_NE(control->find(fixture_->queue()), std::string::npos) << *control;
  EXPECT_NE(control->find(fixture_->socketPath().string()), std::string::npos) << *control;
}

}  // namespace
}  // namespace onestop::cups::testing
