#include "virtual_scan_job.hpp"

#include "image_folder.hpp"

namespace onestop::simulator {

VirtualScanJob::VirtualScanJob(std::vector<std::filesystem::path> pages, std::uint32_t maxPages,
                               std::uint32_t resolutionDpi, std::shared_ptr<std::atomic<bool>> busy)
    : pages_(std::move(pages)),
      maxPages_(maxPages),
      resolutionDpi_(resolutionDpi),
      busy_(std::move(busy)) {}

VirtualScanJob::~VirtualScanJob() {
  busy_->store(false);
}

onestop_status VirtualScanJob::nextPage(sdk::ScanPage& page) {
  if (cancelled_.load()) return ONESTOP_E_CANCELLED;
  if (next_ >= pages_.size() || (maxPages_ != 0 && next_ >= maxPages_)) {
    return ONESTOP_E_NO_MORE_PAGES;
  }
  auto image = readPageImage(pages_[next_]);
  if (!image) return ONESTOP_E_IO;
  ++next_;
  page.mime = image->mime;
  page.data = std::move(image->bytes);
  page.widthPx = image->widthPx;
  page.heightPx = image->heightPx;
  page.resolutionDpi = resolutionDpi_;
  return ONESTOP_OK;
}

onestop_status VirtualScanJob::cancel() {
  cancelled_.store(true);
  return ONESTOP_OK;
}

}  // namespace onestop::simulator
