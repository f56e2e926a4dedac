#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "onestop/plugin.hpp"

namespace onestop::simulator {

// A flatbed + feeder scanner. The feeder (ADF) holds the document pages, the image files of one
// folder, and gives all of them up to max_pages. The flatbed gives what lies on its glass: a card
// placed there (placeOnGlass) as the glass scan nearest to the requested dpi, else the first
// document page. One job at a time.
class VirtualScanner {
 public:
  VirtualScanner(std::string id, std::filesystem::path imageFolder,
                 std::filesystem::path cardsFolder);

  [[nodiscard]] const std::string& id() const { return id_; }
  [[nodiscard]] sdk::Device device() const;
  [[nodiscard]] const std::filesystem::path& imageFolder() const { return imageFolder_; }

  onestop_status capabilities(onestop_scanner_caps& out) const;
  onestop_status start(const onestop_scan_options& options, std::unique_ptr<sdk::ScanJob>& job);
  // A fault every start reports until cleared: ONESTOP_E_JAMMED, ONESTOP_E_COVER_OPEN,
  // ONESTOP_E_DEVICE_BUSY, ONESTOP_E_IO, ONESTOP_E_NO_DOCUMENTS (an empty feeder: ADF jobs
  // only, the flatbed still scans), or OK.
  void setFault(onestop_status fault) { fault_.store(fault); }

  // Puts card folder `card` (under the cards folder) on the glass. Throws
  // sdk::StatusError(INVALID_ARGUMENT) when the folder has no glass-<dpi>dpi.png scans.
  void placeOnGlass(const std::string& card);
  void clearGlass();
  [[nodiscard]] std::optional<std::string> glassCard() const;

 private:
  std::string id_;
  std::filesystem::path imageFolder_;
  std::filesystem::path cardsFolder_;
  std::atomic<onestop_status> fault_{ONESTOP_OK};
  mutable std::mutex glassMutex_;  // control commands and scans run on different threads
  std::optional<std::string> glassCard_;
  std::shared_ptr<std::atomic<bool>> busy_ = std::make_shared<std::atomic<bool>>(false);
};

}  // namespace onestop::simulator
