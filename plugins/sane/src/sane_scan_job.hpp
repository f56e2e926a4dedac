// One scan job on an open SANE device: next_page runs sane_start → sane_get_parameters →
// sane_read until EOF (one RGB or gray frame, or three red/green/blue frames) and delivers the page
// as PNM; ADF jobs repeat until SANE_STATUS_NO_DOCS or max_pages. cancel may come from any thread.
// The device is closed as soon as the job ends (normally, by a fault or by cancel) and at the
// latest when the job is destroyed.
#pragma once

#include <sane/sane.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "onestop/plugin.hpp"
#include "pnm_writer.hpp"
#include "sane_device_handle.hpp"
#include "sane_library.hpp"
#include "sane_status.hpp"

namespace onestop::sane {

// A page larger than this is refused whatever the scanner says (the host's own page limit too).
inline constexpr std::uint64_t kMaxPageBytes = 512ull * 1024u * 1024u;

struct JobPlan {
  bool adf = false;
  std::uint32_t maxPages = 0;       // 0 = until the feeder is empty
  std::uint32_t resolutionDpi = 0;  // as the device took it
  // The most bytes one frame may have: the full scan area at this resolution in 16-bit RGB, with
  // slack; never more than kMaxPageBytes.
  std::uint64_t maxFrameBytes = kMaxPageBytes;
};

class SaneScanJob final : public sdk::ScanJob {
 public:
  SaneScanJob(sdk::Host host, std::shared_ptr<SaneSession> session,
              std::unique_ptr<DeviceClaim> claim, std::unique_ptr<OpenDevice> device, JobPlan plan);
  ~SaneScanJob() override;

  onestop_status nextPage(sdk::ScanPage& page) override;
  onestop_status cancel() override;

 private:
  struct Frame {
    SANE_Parameters parameters{};
    std::uint32_t lines = 0;
    std::vector<std::uint8_t>* buffer = nullptr;  // one of frameBuffers_, or pageBuffer_
    std::size_t offset = 0;                       // where the frame starts in *buffer
    std::size_t used = 0;                         // bytes of the frame
    [[nodiscard]] std::span<const std::uint8_t> bytes() const {
      return {buffer->data() + offset, used};
    }
  };

  onestop_status scanPage(sdk::ScanPage& page);
  onestop_status readFrame(SANE_Handle handle, const SANE_Parameters& p, Frame& frame);
  // Whether the frame can be read straight into pageBuffer_ (see there).
  static bool readsStraightIntoPage(const SANE_Parameters& p, bool firstFrame);
  onestop_status assemble(std::vector<Frame>& frames, sdk::ScanPage& page);
  onestop_status finishPage(const RasterLayout& layout, sdk::ScanPage& page) const;
  // Ends the job with `status` (every later next_page repeats it) and releases the device.
  onestop_status end(onestop_status status);
  // A SANE failure at `where`: CANCELLED after cancel(), else the mapped status, logged by name.
  onestop_status fault(const char* where, SANE_Status status);
  onestop_status ioFault(const std::string& why);
  void releaseDevice();

  sdk::Host host_;
  std::shared_ptr<SaneSession> session_;  // outlives the device below
  std::unique_ptr<DeviceClaim> claim_;
  std::string deviceName_;
  JobPlan plan_;
  std::mutex deviceMutex_;  // guards device_ between cancel() (any thread) and releaseDevice()
  std::unique_ptr<OpenDevice> device_;
  std::atomic<bool> cancelled_{false};
  std::uint32_t pages_ = 0;
  std::optional<onestop_status> ended_;
  // Kept from page to page: a fresh multi-megabyte buffer per page costs page faults and zeroing
  // that take longer than the scan itself on a fast device.
  std::vector<std::uint8_t> frameBuffers_[3];
  // A page that is one frame already laid out as PNM wants it (8-bit RGB or gray, or 1-bit gray,
  // without line padding: nearly every scan) is read straight into the page's own buffer after
  // room for the header, and handed over without a copy.
  std::vector<std::uint8_t> pageBuffer_;
};

}  // namespace onestop::sane
