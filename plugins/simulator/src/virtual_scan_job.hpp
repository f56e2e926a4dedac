#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "onestop/plugin.hpp"

namespace onestop::simulator {

// One image a scan job gives, and the resolution it was made at (0: unknown).
struct ScanSource {
  std::filesystem::path file;
  std::uint32_t dpi = 0;
};

// One scan over a list of page images: a page per nextPage until the list or max_pages runs out.
// Each page reports the resolution it truly has: its source's, else the PNG's pHYs, else the
// requested one (an image of unknown resolution is taken as scanned as asked).
class VirtualScanJob final : public sdk::ScanJob {
 public:
  // `busy` is the scanner's one-job flag; the job clears it when it is destroyed.
  VirtualScanJob(std::vector<ScanSource> pages, std::uint32_t maxPages, std::uint32_t requestedDpi,
                 std::shared_ptr<std::atomic<bool>> busy);
  ~VirtualScanJob() override;

  onestop_status nextPage(sdk::ScanPage& page) override;
  onestop_status cancel() override;

 private:
  std::vector<ScanSource> pages_;
  std::uint32_t maxPages_;
  std::uint32_t requestedDpi_;
  std::size_t next_ = 0;
  std::atomic<bool> cancelled_{false};
  std::shared_ptr<std::atomic<bool>> busy_;
};

}  // namespace onestop::simulator
