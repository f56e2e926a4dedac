#pragma once
// A scan job as a workflow (issue 5): start the plugin's job, take it page by page, encode each
// page for the browser (PNG or JPEG plus a thumbnail) and hand it on, with cancel from any
// thread. The plugin job is released on every path, and one scanner runs one job at a time in
// this process. Knows nothing of JSON, sessions or blobs: the API decides where pages go.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/imaging/page_image.hpp"
#include "onestop/plugins/device_catalog.hpp"
#include "onestop/plugins/device_types.hpp"

namespace onestop::plugins {
class PluginHost;
}

namespace onestop::workflows {

// One running job of a scanner, as DocumentScan needs it: plugins::ScanJob in production, a
// fake in unit tests.
class PageFeed {
 public:
  virtual ~PageFeed() = default;  // ends the job in the plugin
  // The next page; nullopt when the job ended normally; a typed fault otherwise.
  virtual Result<std::optional<plugins::ScanPage>> next() = 0;
  // From any thread, also while next() waits for the scanner.
  virtual void cancel() = 0;
};

// What the scan workflows need from the device layer.
class ScannerAccess {
 public:
  virtual ~ScannerAccess() = default;
  [[nodiscard]] virtual std::vector<plugins::DeviceSnapshot> scanners() const = 0;
  virtual Result<plugins::ScannerCapabilities> capabilities(const std::string& scannerId) = 0;
  virtual Result<std::unique_ptr<PageFeed>> start(const std::string& scannerId,
                                                  const plugins::ScanOptions& options) = 0;
};

class PluginScannerAccess final : public ScannerAccess {
 public:
  explicit PluginScannerAccess(plugins::PluginHost& host) : host_(host) {}
  [[nodiscard]] std::vector<plugins::DeviceSnapshot> scanners() const override;
  Result<plugins::ScannerCapabilities> capabilities(const std::string& scannerId) override;
  Result<std::unique_ptr<PageFeed>> start(const std::string& scannerId,
                                          const plugins::ScanOptions& options) override;

 private:
  plugins::PluginHost& host_;
};

// The scanner a call uses: `requested` when it is a scanner (DeviceNotFound otherwise), else the
// only one (DeviceNotFound when there is none). Several: ValidationFailed, and `ambiguous`
// receives their ids so the page can let staff choose.
Result<std::string> chooseScanner(const std::vector<plugins::DeviceSnapshot>& scanners,
                                  const std::optional<std::string>& requested,
                                  std::vector<std::string>* ambiguous = nullptr);

// The scanners with a job of this process running: a second job on one is DeviceBusy at once,
// before the plugin is asked (a real scanner would make it wait or fail half-way).
class ScannerClaims {
 public:
  class Claim {
   public:
    Claim(ScannerClaims& owner, std::string scannerId)
        : owner_(&owner), scannerId_(std::move(scannerId)) {}
    Claim(const Claim&) = delete;
    Claim& operator=(const Claim&) = delete;
    ~Claim() { owner_->release(scannerId_); }
    [[nodiscard]] const std::string& scannerId() const { return scannerId_; }

   private:
    ScannerClaims* owner_;
    std::string scannerId_;
  };

  Result<std::unique_ptr<Claim>> claim(const std::string& scannerId);

 private:
  void release(const std::string& scannerId);
  std::mutex mutex_;
  std::set<std::string> busy_;
};

struct DocumentScanRequest {
  std::string scannerId;
  plugins::ScanOptions options;
  imaging::PageEncoding encoding = imaging::PageEncoding::Jpeg;
  int jpegQuality = 85;
  int thumbnailEdgePx = 256;
};

struct ScannedPage {
  std::size_t index = 0;  // 1-based
  imaging::EncodedPage image;
  imaging::EncodedPage thumbnail;
  std::uint32_t resolutionDpi = 0;
};

struct DocumentScanOutcome {
  std::size_t pages = 0;       // pages handed to the callback
  std::optional<Error> error;  // none: the job ended normally; Cancelled after cancel()
};

class DocumentScan {
 public:
  // What a page goes to; an error (the blob store is full …) ends the job with that error.
  using PageSink = std::function<Result<void>(ScannedPage)>;

  // Claims the scanner: DeviceBusy when a job of this process runs on it.
  static Result<std::unique_ptr<DocumentScan>> claim(ScannerAccess& access, ScannerClaims& claims,
                                                     DocumentScanRequest request);

  // Runs the whole job on the calling thread; the plugin job and the scanner claim are released
  // before it returns, whatever happened. Call once.
  DocumentScanOutcome run(const PageSink& onPage);

  // From any thread. True when the job had not finished: run() then ends with Cancelled.
  bool cancel();

  [[nodiscard]] const std::string& scannerId() const { return request_.scannerId; }

 private:
  DocumentScan(ScannerAccess& access, std::unique_ptr<ScannerClaims::Claim> claim,
               DocumentScanRequest request);
  Result<void> deliver(std::size_t index, plugins::ScanPage page, const PageSink& onPage) const;

  ScannerAccess& access_;
  std::unique_ptr<ScannerClaims::Claim> claim_;
  DocumentScanRequest request_;
  std::mutex mutex_;  // guards feed_, finished_, cancelled_ transitions
  PageFeed* feed_ = nullptr;
  bool finished_ = false;
  std::atomic<bool> cancelled_{false};
};

}  // namespace onestop::workflows
