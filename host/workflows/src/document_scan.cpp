#include "onestop/workflows/document_scan.hpp"

#include <algorithm>

#include "onestop/plugins/plugin_host.hpp"

namespace onestop::workflows {
namespace {

class PluginPageFeed final : public PageFeed {
 public:
  explicit PluginPageFeed(std::shared_ptr<plugins::ScanJob> job) : job_(std::move(job)) {}
  Result<std::optional<plugins::ScanPage>> next() override { return job_->next(); }
  void cancel() override { (void)job_->cancel(); }

 private:
  std::shared_ptr<plugins::ScanJob> job_;
};

}  // namespace

std::vector<plugins::DeviceSnapshot> PluginScannerAccess::scanners() const {
  std::vector<plugins::DeviceSnapshot> out;
  for (auto& device : host_.devices()) {
    if (device.kind == plugins::DeviceKind::Scanner) out.push_back(std::move(device));
  }
  return out;
}

Result<plugins::ScannerCapabilities> PluginScannerAccess::capabilities(
    const std::string& scannerId) {
  auto scanner = host_.scanner(scannerId);
  if (!scanner) return scanner.error();
  return (*scanner)->capabilities();
}

Result<std::unique_ptr<PageFeed>> PluginScannerAccess::start(const std::string& scannerId,
                                                             const plugins::ScanOptions& options) {
  auto scanner = host_.scanner(scannerId);
  if (!scanner) return scanner.error();
  auto job = (*scanner)->start(options);
  if (!job) return job.error();
  return std::unique_ptr<PageFeed>(std::make_unique<PluginPageFeed>(std::move(job).value()));
}

Result<std::string> chooseScanner(const std::vector<plugins::DeviceSnapshot>& scanners,
                                  const std::optional<std::string>& requested,
                                  std::vector<std::string>* ambiguous) {
  if (requested && !requested->empty()) {
    const bool known = std::any_of(scanners.begin(), scanners.end(),
                                   [&](const auto& scanner) { return scanner.id == *requested; });
    if (!known) return Error(Reason::DeviceNotFound, "no scanner " + *requested);
    return *requested;
  }
  if (scanners.empty()) return Error(Reason::DeviceNotFound, "no scanner is connected");
  if (scanners.size() == 1) return scanners.front().id;
  std::string ids;
  for (const auto& scanner : scanners) {
    ids += (ids.empty() ? "" : ", ") + scanner.id;
    if (ambiguous != nullptr) ambiguous->push_back(scanner.id);
  }
  return Error(Reason::ValidationFailed, "several scanners, choose one: " + ids);
}

Result<std::unique_ptr<ScannerClaims::Claim>> ScannerClaims::claim(const std::string& scannerId) {
  std::lock_guard lock(mutex_);
  if (!busy_.insert(scannerId).second) {
    return Error(Reason::DeviceBusy, "a scan is running on " + scannerId);
  }
  return std::make_unique<Claim>(*this, scannerId);
}

void ScannerClaims::release(const std::string& scannerId) {
  std::lock_guard lock(mutex_);
  busy_.erase(scannerId);
}

Result<std::unique_ptr<DocumentScan>> DocumentScan::claim(ScannerAccess& access,
                                                          ScannerClaims& claims,
                                                          DocumentScanRequest request) {
  auto claim = claims.claim(request.scannerId);
  if (!claim) return claim.error();
  return std::unique_ptr<DocumentScan>(
      new DocumentScan(access, std::move(claim).value(), std::move(request)));
}

DocumentScan::DocumentScan(ScannerAccess& access, std::unique_ptr<ScannerClaims::Claim> claim,
                           DocumentScanRequest request)
    : access_(access), claim_(std::move(claim)), request_(std::move(request)) {}

bool DocumentScan::cancel() {
  std::lock_guard lock(mutex_);
  if (finished_) return false;
  cancelled_ = true;
  // The plugin's cancel may be called while next() waits on the scanner: that is its contract.
  if (feed_ != nullptr) feed_->cancel();
  return true;
}

DocumentScanOutcome DocumentScan::run(const PageSink& onPage) {
  DocumentScanOutcome outcome;
  const auto finish = [&](std::optional<Error> error) {
    std::lock_guard lock(mutex_);
    feed_ = nullptr;
    finished_ = true;
    // A cancel that won the race against the last page still ends the job as cancelled: the
    // caller was told {cancelled: true}.
    if (cancelled_) error = Error(Reason::Cancelled, "the scan was cancelled");
    outcome.error = std::move(error);
    claim_.reset();
    return outcome;
  };

  if (cancelled_) return finish(std::nullopt);
  auto started = access_.start(request_.scannerId, request_.options);
  if (!started) return finish(started.error());
  std::unique_ptr<PageFeed> feed = std::move(started).value();
  {
    std::lock_guard lock(mutex_);
    feed_ = feed.get();
    if (cancelled_) feed_->cancel();
  }

  std::optional<Error> fault;
  while (!cancelled_) {
    auto page = feed->next();
    if (!page) {
      fault = page.error();
      break;
    }
    if (!page->has_value()) break;  // the source is empty: the normal end
    if (cancelled_) break;
    if (auto delivered = deliver(outcome.pages + 1, std::move(**page), onPage); !delivered) {
      fault = delivered.error();
      break;
    }
    ++outcome.pages;
  }
  {
    // Detach before the job is destroyed, so a concurrent cancel() never touches a dead feed.
    std::lock_guard lock(mutex_);
    feed_ = nullptr;
  }
  feed.reset();  // ends the plugin's job (releases the device) before anyone hears of the end
  return finish(std::move(fault));
}

Result<void> DocumentScan::deliver(std::size_t index, plugins::ScanPage page,
                                   const PageSink& onPage) const {
  // One decode for both: a 300 dpi colour page is 26 MB of pixels.
  auto encoded = imaging::encodePageAndThumbnail(page.data, request_.encoding, request_.jpegQuality,
                                                 request_.thumbnailEdgePx);
  if (!encoded) return encoded.error();
  ScannedPage scanned;
  scanned.index = index;
  scanned.image = std::move(encoded->page);
  scanned.thumbnail = std::move(encoded->thumbnail);
  scanned.resolutionDpi =
      page.resolutionDpi != 0 ? page.resolutionDpi : request_.options.resolutionDpi;
  return onPage(std::move(scanned));
}

}  // namespace onestop::workflows
