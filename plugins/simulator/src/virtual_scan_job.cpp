#include "virtual_scan_job.hpp"

#include "image_folder.hpp"

namespace onestop::simulator {

VirtualScanJob::VirtualScanJob(std::vector<ScanSource> pages, std::uint32_t maxPages,
                               std::uint32_t requestedDpi, std::shared_ptr<std::atomic<bool>> busy)
    : pages_(std::move(pages)),
      maxPages_(maxPages),
      requestedDpi_(requestedDpi),
      busy_(std::move(busy)) {}

VirtualScanJob::~VirtualScanJob() {
  busy_->store(false);
}

onestop_status VirtualScanJob::nextPage(sdk::ScanPage& page) {
  if (cancelled_.load()) return ONESTOP_E_CANCELLED;
  if (next_ >= pages_.size() || (maxPages_ != 0 && next_ >= maxPages_)) {
    return ONESTOP_E_NO_MORE_PAGES;
  }
  const ScanSource& source = pages_[next_];
  auto image = readPageImage(source.file);
  if (!image) return ONESTOP_E_IO;
  ++next_;
  page.mime = image->mime;
  page.data = std::move(image->bytes);
  page.widthPx = image->widthPx;
  page.heightPx = image->heightPx;
  page.resolutionDpi = source.dpi != 0 ? source.dpi : image->dpi != 0 ? image->dpi : requestedDpi_;
  return ONESTOP_OK;
}

onestop_status VirtualScanJob::cancel() {
  cancelled_.store(true);
  return ONESTOP_OK;
}

}  // namespace onestop::simulator
