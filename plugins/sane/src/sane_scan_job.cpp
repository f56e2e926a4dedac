#include "sane_scan_job.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <stdexcept>
#include <thread>

#include "pnm_writer.hpp"

namespace onestop::sane {
namespace {

// The most one sane_read is asked for: large enough that a fast backend needs few calls.
constexpr std::size_t kReadChunk = 1u << 20;
// A backend that keeps answering GOOD with no data gets a short pause between polls.
constexpr int kEmptyReadsBeforePause = 16;

std::size_t channelsOf(SANE_Frame format) {
  return format == SANE_FRAME_RGB ? 3 : 1;
}

}  // namespace

SaneScanJob::SaneScanJob(sdk::Host host, std::shared_ptr<SaneSession> session,
                         std::unique_ptr<DeviceClaim> claim, std::unique_ptr<OpenDevice> device,
                         JobPlan plan)
    : host_(host),
      session_(std::move(session)),
      claim_(std::move(claim)),
      deviceName_(claim_->device()),
      plan_(plan),
      device_(std::move(device)) {}

SaneScanJob::~SaneScanJob() {
  releaseDevice();
}

onestop_status SaneScanJob::cancel() {
  cancelled_.store(true);
  std::lock_guard lock(deviceMutex_);
  // SANE allows sane_cancel from another thread while sane_read waits; the read then ends.
  if (device_) sane_cancel(device_->handle());
  return ONESTOP_OK;
}

void SaneScanJob::releaseDevice() {
  std::unique_ptr<OpenDevice> device;
  {
    std::lock_guard lock(deviceMutex_);
    device = std::move(device_);
  }
  device.reset();  // sane_cancel + sane_close, outside deviceMutex_
  claim_.reset();
}

onestop_status SaneScanJob::end(onestop_status status) {
  ended_ = status;
  releaseDevice();
  return status;
}

onestop_status SaneScanJob::fault(const char* where, SANE_Status status) {
  if (cancelled_.load()) return end(ONESTOP_E_CANCELLED);
  const ScanPoint point = pages_ == 0 ? ScanPoint::BeforeFirstPage : ScanPoint::AfterFirstPage;
  const onestop_status mapped = statusForSane(status, point);
  if (mapped != ONESTOP_E_NO_MORE_PAGES) {
    host_.log(ONESTOP_LOG_WARNING,
              std::string(where) + " on " + deviceName_ + " failed: " + saneStatusName(status));
  }
  return end(mapped);
}

onestop_status SaneScanJob::ioFault(const std::string& why) {
  host_.log(ONESTOP_LOG_WARNING, "scan on " + deviceName_ + " refused: " + why);
  return end(ONESTOP_E_IO);
}

onestop_status SaneScanJob::nextPage(sdk::ScanPage& page) {
  if (ended_) return *ended_;
  if (cancelled_.load()) return end(ONESTOP_E_CANCELLED);
  const bool feederDone = !plan_.adf && pages_ >= 1;
  if (feederDone || (plan_.maxPages != 0 && pages_ >= plan_.maxPages)) {
    return end(ONESTOP_E_NO_MORE_PAGES);
  }
  const onestop_status s = scanPage(page);
  if (s == ONESTOP_OK) ++pages_;
  return s;
}

onestop_status SaneScanJob::scanPage(sdk::ScanPage& page) {
  SANE_Handle handle = nullptr;
  {
    std::lock_guard lock(deviceMutex_);
    if (!device_) return end(ONESTOP_E_CANCELLED);
    handle = device_->handle();  // stays open: only this thread releases it
  }
  std::vector<Frame> frames;
  while (true) {
    if (frames.size() == 3) return ioFault("more than three frames for one page");
    SANE_Status s = sane_start(handle);
    if (s != SANE_STATUS_GOOD) return fault("sane_start", s);
    Frame frame;
    s = sane_get_parameters(handle, &frame.parameters);
    if (s != SANE_STATUS_GOOD) return fault("sane_get_parameters", s);
    frame.buffer = &frameBuffers_[frames.size()];
    if (readsStraightIntoPage(frame.parameters, frames.empty())) {
      pageBuffer_.clear();
      frame.buffer = &pageBuffer_;
      frame.offset = kPnmHeaderRoom;
    }
    if (const onestop_status r = readFrame(handle, frame.parameters, frame); r != ONESTOP_OK) {
      return r;
    }
    const bool last = frame.parameters.last_frame == SANE_TRUE;
    frames.push_back(std::move(frame));
    if (last) break;
  }
  return assemble(frames, page);
}

bool SaneScanJob::readsStraightIntoPage(const SANE_Parameters& p, bool firstFrame) {
  if (!firstFrame || p.last_frame != SANE_TRUE || p.pixels_per_line <= 0) return false;
  const auto width = static_cast<std::uint64_t>(p.pixels_per_line);
  const auto bytesPerLine = static_cast<std::uint64_t>(p.bytes_per_line);
  if (p.format == SANE_FRAME_RGB) return p.depth == 8 && bytesPerLine == width * 3;
  if (p.format != SANE_FRAME_GRAY) return false;
  if (p.depth == 8) return bytesPerLine == width;
  return p.depth == 1 && bytesPerLine == (width + 7) / 8;
}

onestop_status SaneScanJob::readFrame(SANE_Handle handle, const SANE_Parameters& p, Frame& frame) {
  // Never trust the parameters blindly: check that they describe a possible image first.
  if (p.bytes_per_line <= 0 || p.pixels_per_line <= 0 ||
      (p.depth != 1 && p.depth != 8 && p.depth != 16) || p.lines == 0 || p.lines < -1) {
    return ioFault("impossible frame parameters");
  }
  const auto bytesPerLine = static_cast<std::uint64_t>(p.bytes_per_line);
  const std::uint64_t pixelBits = static_cast<std::uint64_t>(p.pixels_per_line) *
                                  channelsOf(p.format) * static_cast<std::uint64_t>(p.depth);
  if (bytesPerLine * 8 < pixelBits) return ioFault("lines shorter than their pixels");
  std::uint64_t limit = std::min(plan_.maxFrameBytes, kMaxPageBytes);
  if (p.lines > 0) {
    const std::uint64_t expected = bytesPerLine * static_cast<std::uint64_t>(p.lines);
    if (expected > limit) return ioFault("frame larger than the scan area allows");
    limit = expected;
  }

  std::vector<std::uint8_t>& data = *frame.buffer;
  const std::size_t offset = frame.offset;
  const auto initial = static_cast<std::size_t>(std::min<std::uint64_t>(limit + 1, 8u << 20));
  if (data.capacity() < offset + initial) reservePageBuffer(data, offset + initial);
  if (data.size() < offset + initial) data.resize(offset + initial);
  std::size_t used = 0;
  int emptyReads = 0;
  // Reads may fill the buffer up to one byte beyond the limit, so that a backend sending more
  // than it announced is noticed.
  const auto window = [&] {
    return static_cast<std::size_t>(std::min<std::uint64_t>(data.size() - offset, limit + 1));
  };
  while (true) {
    if (cancelled_.load()) return end(ONESTOP_E_CANCELLED);
    if (used == window()) {
      if (used > limit) return ioFault("more data than the frame parameters announce");
      data.resize(offset + static_cast<std::size_t>(std::min<std::uint64_t>(
                               limit + 1, std::max<std::uint64_t>(used * 2, used + kReadChunk))));
    }
    const std::size_t room = std::min(kReadChunk, window() - used);
    SANE_Int got = 0;
    const SANE_Status s =
        sane_read(handle, data.data() + offset + used, static_cast<SANE_Int>(room), &got);
    if (s == SANE_STATUS_EOF) break;
    if (s != SANE_STATUS_GOOD) return fault("sane_read", s);
    if (got < 0 || static_cast<std::size_t>(got) > room)
      return ioFault("sane_read length out of range");
    used += static_cast<std::size_t>(got);
    if (used > limit) return ioFault("more data than the frame parameters announce");
    if (got == 0 && ++emptyReads >= kEmptyReadsBeforePause) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      emptyReads = 0;
    } else if (got > 0) {
      emptyReads = 0;
    }
  }
  // A backend may answer a cancelled read with EOF (the test backend does): never pass the
  // truncated frame off as a page.
  if (cancelled_.load()) return end(ONESTOP_E_CANCELLED);
  frame.used = used;
  frame.lines = static_cast<std::uint32_t>(used / bytesPerLine);
  if (frame.lines == 0) return ioFault("an empty frame");
  return ONESTOP_OK;
}

onestop_status SaneScanJob::assemble(std::vector<Frame>& frames, sdk::ScanPage& page) {
  const SANE_Parameters& first = frames.front().parameters;
  RasterLayout layout;
  layout.width = static_cast<std::uint32_t>(first.pixels_per_line);
  layout.depth = first.depth;
  layout.bytesPerLine = static_cast<std::size_t>(first.bytes_per_line);
  std::vector<std::uint8_t> interleaved;
  std::span<const std::uint8_t> rows = frames.front().bytes();
  if (frames.front().buffer == &pageBuffer_) {
    // Already laid out as PNM wants it: the header goes into the room before the pixels.
    layout.kind = first.format == SANE_FRAME_RGB ? PnmKind::Rgb
                  : first.depth == 1             ? PnmKind::Bitmap
                                                 : PnmKind::Gray;
    layout.height = frames.front().lines;
    const std::string header = pnmHeader(layout, kPnmHeaderRoom);
    std::copy(header.begin(), header.end(), pageBuffer_.begin());
    pageBuffer_.resize(kPnmHeaderRoom + pixelBytesPerLine(layout) * layout.height);
    page.data = std::move(pageBuffer_);
    pageBuffer_ = {};
    return finishPage(layout, page);
  }
  try {
    if (frames.size() == 1 && first.format == SANE_FRAME_RGB && first.depth != 1) {
      layout.kind = PnmKind::Rgb;
      layout.height = frames.front().lines;
    } else if (frames.size() == 1 && first.format == SANE_FRAME_GRAY) {
      layout.kind = first.depth == 1 ? PnmKind::Bitmap : PnmKind::Gray;
      layout.height = frames.front().lines;
    } else if (frames.size() == 3) {
      const std::span<const std::uint8_t>* planes[3] = {nullptr, nullptr, nullptr};
      std::span<const std::uint8_t> spans[3];
      std::uint32_t lines = std::numeric_limits<std::uint32_t>::max();
      for (std::size_t i = 0; i < 3; ++i) {
        const auto& f = frames[i];
        const int slot = f.parameters.format == SANE_FRAME_RED     ? 0
                         : f.parameters.format == SANE_FRAME_GREEN ? 1
                         : f.parameters.format == SANE_FRAME_BLUE  ? 2
                                                                   : -1;
        if (slot < 0 || planes[slot] != nullptr ||
            f.parameters.pixels_per_line != first.pixels_per_line ||
            f.parameters.bytes_per_line != first.bytes_per_line) {
          return ioFault("three-pass frames that do not fit together");
        }
        spans[slot] = f.bytes();
        planes[slot] = &spans[slot];
        lines = std::min(lines, f.lines);
      }
      interleaved = interleavePlanes(spans[0], spans[1], spans[2], layout.width, lines,
                                     layout.depth, layout.bytesPerLine);
      layout.kind = PnmKind::Rgb;
      layout.height = lines;
      layout.bytesPerLine = pixelBytesPerLine(layout);
      rows = interleaved;
    } else {
      return ioFault("a frame format this plugin cannot assemble");
    }
    page.data = writePnm(layout, rows);
  } catch (const std::invalid_argument& e) {
    return ioFault(e.what());
  }
  return finishPage(layout, page);
}

onestop_status SaneScanJob::finishPage(const RasterLayout& layout, sdk::ScanPage& page) const {
  page.mime = kPnmMime;
  page.widthPx = layout.width;
  page.heightPx = layout.height;
  page.resolutionDpi = plan_.resolutionDpi;
  return ONESTOP_OK;
}

}  // namespace onestop::sane
