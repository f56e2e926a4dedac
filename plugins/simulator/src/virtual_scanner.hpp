#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "onestop/plugin.hpp"

namespace onestop::simulator {

// A flatbed + feeder scanner whose pages are the image files of one folder. Flatbed scans give
// the first image; feeder (ADF) scans give all of them, up to max_pages. One job at a time.
class VirtualScanner {
 public:
  VirtualScanner(std::string id, std::filesystem::path imageFolder);

  [[nodiscard]] const std::string& id() const { return id_; }
  [[nodiscard]] sdk::Device device() const;
  [[nodiscard]] const std::filesystem::path& imageFolder() const { return imageFolder_; }

  onestop_status capabilities(onestop_scanner_caps& out) const;
  onestop_status start(const onestop_scan_options& options, std::unique_ptr<sdk::ScanJob>& job);
  // A fault every start reports until cleared: ONESTOP_E_JAMMED, ONESTOP_E_COVER_OPEN, or OK.
  void setFault(onestop_status fault) { fault_.store(fault); }

 private:
  std::string id_;
  std::filesystem::path imageFolder_;
  std::atomic<onestop_status> fault_{ONESTOP_OK};
  std::shared_ptr<std::atomic<bool>> busy_ = std::make_shared<std::atomic<bool>>(false);
};

}  // namespace onestop::simulator
