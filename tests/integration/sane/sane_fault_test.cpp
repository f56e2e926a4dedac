// Faults through the sane plugin with the real SANE "test" backend: every injected sane_read
// status becomes its typed reason and the next job works; cancel mid-page; two jobs on one
// device; unknown vendor options.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "sane_test_support.hpp"

namespace onestop::sane::testing {
namespace {

using std::chrono::steady_clock;

plugins::ScanOptions grayA4(std::uint32_t dpi = 75) {
  plugins::ScanOptions o;
  o.mode = plugins::ScanMode::Gray;
  o.resolutionDpi = dpi;
  o.widthUm = kA4WidthUm;
  o.heightUm = kA4HeightUm;
  return o;
}

struct InjectedFault {
  const char* saneStatus;  // the test backend's "read-return-value"
  Reason reason;
};
void PrintTo(const InjectedFault& f, std::ostream* out) {
  *out << f.saneStatus;
}

class SaneFault : public SanePluginTest, public ::testing::WithParamInterface<InjectedFault> {};

TEST_P(SaneFault, BecomesItsTypedReasonAndTheNextJobWorks) {
  const auto [saneStatus, reason] = GetParam();
  setOptions({{"read-return-value", saneStatus}});

  auto pages = scanAll(grayA4());

  ASSERT_FALSE(pages.ok()) << "the injected " << saneStatus << " was not reported";
  EXPECT_EQ(pages.error().reason(), reason)
      << reasonName(pages.error().reason()) << ": " << pages.error().detail();
  // The SANE status name is logged; the page data never is.
  EXPECT_TRUE(logs_.contains(saneStatus)) << logs_.all();
  clearOptions();
  expectSmallScanWorks();
}

INSTANTIATE_TEST_SUITE_P(
    ReadStatuses, SaneFault,
    ::testing::Values(InjectedFault{"SANE_STATUS_JAMMED", Reason::ScannerJammed},
                      InjectedFault{"SANE_STATUS_COVER_OPEN", Reason::CoverOpen},
                      InjectedFault{"SANE_STATUS_DEVICE_BUSY", Reason::DeviceBusy},
                      InjectedFault{"SANE_STATUS_IO_ERROR", Reason::IoError},
                      InjectedFault{"SANE_STATUS_NO_MEM", Reason::IoError},
                      InjectedFault{"SANE_STATUS_ACCESS_DENIED", Reason::IoError},
                      InjectedFault{"SANE_STATUS_INVAL", Reason::IoError},
                      InjectedFault{"SANE_STATUS_NO_DOCS", Reason::NoDocuments}),
    [](const auto& param) { return std::string(param.param.saneStatus).substr(12); });

class SaneJobControl : public SanePluginTest {};

TEST_F(SaneJobControl, AFeederJamOnTheFirstPageIsAFaultNotAnEmptyJob) {
  auto o = grayA4();
  o.source = plugins::ScanSource::Adf;
  setOptions({{"read-return-value", "SANE_STATUS_JAMMED"}});

  auto pages = scanAll(o);

  ASSERT_FALSE(pages.ok());
  EXPECT_EQ(pages.error().reason(), Reason::ScannerJammed);
  clearOptions();
  expectSmallScanWorks();
}

TEST_F(SaneJobControl, CancelEndsASlowPageQuicklyAndTheNextJobWorks) {
  // 200 ms after every buffer: an A4 colour page at 150 dpi would take minutes.
  setOptions({{"read-delay", true}, {"read-delay-duration", 200000}});
  auto o = grayA4(150);
  o.mode = plugins::ScanMode::Color;
  auto job = scanner()->start(o);
  ASSERT_TRUE(job.ok()) << job.error().detail() << logs_.all();
  auto reading = std::async(std::launch::async, [&] { return (*job)->next(); });
  ASSERT_EQ(reading.wait_for(std::chrono::milliseconds(500)), std::future_status::timeout)
      << "the slow page finished before the cancel";

  const auto cancelledAt = steady_clock::now();
  EXPECT_TRUE((*job)->cancel().ok());
  ASSERT_EQ(reading.wait_for(std::chrono::seconds(3)), std::future_status::ready)
      << "next() still waits 3 s after cancel";
  const auto page = reading.get();
  const auto took = steady_clock::now() - cancelledAt;

  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.error().reason(), Reason::Cancelled);
  EXPECT_LT(took, std::chrono::seconds(1));
  job->reset();  // finish: the device is released
  clearOptions();
  expectSmallScanWorks();
}

TEST_F(SaneJobControl, ASecondJobOnTheSameDeviceIsBusyButAnotherDeviceIsFree) {
  auto first = scanner()->start(grayA4());
  ASSERT_TRUE(first.ok()) << first.error().detail();

  auto second = scanner()->start(grayA4());

  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().reason(), Reason::DeviceBusy);
  expectSmallScanWorks(kScanner1);
  // Capabilities of the busy device come from the last reading instead of failing.
  EXPECT_TRUE(scanner()->capabilities().ok());
  first->reset();
  expectSmallScanWorks();
}

TEST_F(SaneJobControl, AnUnknownVendorOptionFailsTheJobAndNamesTheOption) {
  setOptions({{"no-such-option", 1}});

  auto job = scanner()->start(grayA4());

  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().reason(), Reason::ValidationFailed) << job.error().detail();
  EXPECT_TRUE(logs_.contains("no-such-option")) << logs_.all();
  clearOptions();
  expectSmallScanWorks();
}

TEST_F(SaneJobControl, AValueTheBackendRefusesFailsTheJob) {
  setOptions({{"test-picture", "Not a picture"}});

  auto job = scanner()->start(grayA4());

  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().reason(), Reason::ValidationFailed);
  EXPECT_TRUE(logs_.contains("test-picture")) << logs_.all();
}

TEST_F(SaneJobControl, MalformedOptionCommandsAreRefused) {
  auto noDevice = control({{"command", "setOptions"}, {"options", {{"mode", "Gray"}}}});
  auto badValue =
      control({{"command", "setOptions"}, {"device", "test:0"}, {"options", {{"x", {1, 2}}}}});
  auto unknown = control({{"command", "eject"}});

  ASSERT_FALSE(noDevice.ok());
  EXPECT_EQ(noDevice.error().reason(), Reason::ValidationFailed);
  ASSERT_FALSE(badValue.ok());
  EXPECT_EQ(badValue.error().reason(), Reason::ValidationFailed);
  ASSERT_FALSE(unknown.ok());
}

TEST_F(SaneJobControl, ConfiguredOptionsApplyFromTheStart) {
  host_.reset();
  plugins::PluginHostOptions options;
  options.directories = {sanePluginDir()};
  options.log = logs_.function();
  options.config["sane"] =
      R"({"devices":{"test:0":{"options":{"read-return-value":"SANE_STATUS_COVER_OPEN"}}}})";
  host_ = std::make_unique<plugins::PluginHost>(options);

  auto pages = scanAll(grayA4());

  ASSERT_FALSE(pages.ok());
  EXPECT_EQ(pages.error().reason(), Reason::CoverOpen);
  expectSmallScanWorks(kScanner1);
}

}  // namespace
}  // namespace onestop::sane::testing
