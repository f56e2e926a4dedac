// Shared by the cups plugin's integration tests: a private cupsd with a cups-pdf queue
// (tests/support/cups_fixture.*), the staged plugin loaded by PluginHost, a one-page PDF drawn
// with cairo, and the IPP job attributes as CUPS recorded them.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "cups_fixture.hpp"
#include "host_log_capture.hpp"
#include "onestop/plugins/plugin_host.hpp"

namespace onestop::cups::testing {

inline std::filesystem::path cupsPluginDir() {
  return std::filesystem::path(ONESTOP_PLUGIN_STAGE_DIR) / "cups";
}

// A one-page A4 PDF with `text` on it (cairo's PDF surface; synthetic text only).
std::vector<std::uint8_t> pdfWithText(const std::string& text);

// What CUPS recorded for a job (Get-Job-Attributes, asked by the test itself).
struct RecordedJob {
  int state = 0;
  int copies = 0;
  std::string name;   // job-name
  std::string sides;  // "" when not set
  std::string media;  // "" when not set
};
std::optional<RecordedJob> recordedJob(int jobId);

// pdftotext of the file ("" when it fails).
std::string pdfText(const std::filesystem::path& pdf);

// Device events the host passed on.
class EventLog {
 public:
  plugins::DeviceCatalog::Listener listener() {
    return [this](const plugins::DeviceEvent& e) {
      std::lock_guard lock(mutex_);
      events_.push_back(e);
    };
  }
  bool has(plugins::DeviceEvent::Kind kind, const std::string& deviceId) const {
    std::lock_guard lock(mutex_);
    for (const auto& e : events_) {
      if (e.kind == kind && e.device.id == deviceId) return true;
    }
    return false;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<plugins::DeviceEvent> events_;
};

class CupsPluginTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  std::shared_ptr<plugins::Printer> printer();
  std::string deviceId() const { return "cups/" + fixture_->queue(); }
  // Polls the job until it reaches a final state or the timeout; the last state seen.
  plugins::PrintJobState waitForFinalState(const std::string& jobId,
                                           std::chrono::milliseconds timeout);

  onestop::testing::HostLogCapture logs_;
  EventLog events_;
  std::unique_ptr<onestop::testing::CupsFixture> fixture_;
  std::unique_ptr<plugins::PluginHost> host_;
};

}  // namespace onestop::cups::testing
