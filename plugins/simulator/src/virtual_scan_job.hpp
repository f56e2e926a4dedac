#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "onestop/plugin.hpp"

namespace onestop::simulator {

// One scan over a list of page images: a page per nextPage until the list or max_pages runs out.
class VirtualScanJob final : public sdk::ScanJob {
 public:
  // `busy` is the scanner's one-job flag; the job clears it when it is destroyed.
  VirtualScanJob(std::vector<std::filesystem::path> pages, std::uint32_t maxPages,
                 std::uint32_t resolutionDpi, std::shared_ptr<std::atomic<bool>> busy);
  ~VirtualScanJob() override;

  onestop_status nextPage(sdk::ScanPage& page) override;
  onestop_status cancel() override;

 private:
  std::vector<std::filesystem::path> pages_;
  std::uint32_t maxPages_;
  std::uint32_t resolutionDpi_;
  std::size_t next_ = 0;
  std::atomic<bool> cancelled_{false};
  std::shared_ptr<std::atomic<bool>> busy_;
};

}  // namespace onestop::simulator
