#include "virtual_scanner.hpp"

#include <array>

#include "image_folder.hpp"
#include "scanner_glass.hpp"
#include "virtual_scan_job.hpp"

namespace onestop::simulator {
namespace {

constexpr std::array<std::uint32_t, 4> kResolutions{150, 200, 300, 600};
constexpr std::uint32_t kA4WidthUm = 210000;
constexpr std::uint32_t kA4HeightUm = 297000;
constexpr std::uint32_t kDefaultDpi = 300;

}  // namespace

VirtualScanner::VirtualScanner(std::string id, std::filesystem::path imageFolder,
                               std::filesystem::path cardsFolder)
    : id_(std::move(id)),
      imageFolder_(std::move(imageFolder)),
      cardsFolder_(std::move(cardsFolder)) {}

sdk::Device VirtualScanner::device() const {
  return {ONESTOP_DEVICE_SCANNER, id_, "onestop virtual scanner " + id_,
          ONESTOP_DEVICE_FLAG_SIMULATED};
}

onestop_status VirtualScanner::capabilities(onestop_scanner_caps& out) const {
  out.modes = ONESTOP_SCAN_MODE_COLOR | ONESTOP_SCAN_MODE_GRAY;
  out.sources = ONESTOP_SCAN_SOURCE_FLATBED | ONESTOP_SCAN_SOURCE_ADF;
  for (std::size_t i = 0; i < kResolutions.size(); ++i) out.resolutions[i] = kResolutions[i];
  out.resolution_count = static_cast<std::uint32_t>(kResolutions.size());
  out.max_width_um = kA4WidthUm;
  out.max_height_um = kA4HeightUm;
  return ONESTOP_OK;
}

void VirtualScanner::placeOnGlass(const std::string& card) {
  if (listGlassScans(cardsFolder_, card).empty()) {
    throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT,
                           "no glass-<dpi>dpi.png scans in card folder \"" + card + "\"");
  }
  const std::lock_guard lock(glassMutex_);
  glassCard_ = card;
}

void VirtualScanner::clearGlass() {
  const std::lock_guard lock(glassMutex_);
  glassCard_.reset();
}

std::optional<std::string> VirtualScanner::glassCard() const {
  const std::lock_guard lock(glassMutex_);
  return glassCard_;
}

onestop_status VirtualScanner::start(const onestop_scan_options& options,
                                     std::unique_ptr<sdk::ScanJob>& job) {
  const bool adf = options.source == ONESTOP_SCAN_SOURCE_ADF;
  if (!adf && options.source != ONESTOP_SCAN_SOURCE_FLATBED && options.source != 0) {
    return ONESTOP_E_INVALID_ARGUMENT;
  }
  const onestop_status fault = fault_.load();
  if (fault != ONESTOP_OK && (fault != ONESTOP_E_NO_DOCUMENTS || adf)) return fault;
  const std::uint32_t dpi = options.resolution_dpi != 0 ? options.resolution_dpi : kDefaultDpi;

  std::vector<ScanSource> pages;
  const auto card = glassCard();
  if (!adf && card) {
    const auto scans = listGlassScans(cardsFolder_, *card);
    if (scans.empty()) return ONESTOP_E_IO;  // the card folder went away since placeOnGlass
    const GlassScan& nearest = nearestGlassScan(scans, dpi);
    pages.push_back({nearest.file, nearest.dpi});
  } else {
    for (auto& file : listPageImages(imageFolder_)) pages.push_back({std::move(file), 0});
    if (pages.empty()) return ONESTOP_E_NO_DOCUMENTS;
    if (!adf) pages.resize(1);
  }
  bool expected = false;
  if (!busy_->compare_exchange_strong(expected, true)) return ONESTOP_E_DEVICE_BUSY;
  job = std::make_unique<VirtualScanJob>(std::move(pages), options.max_pages, dpi, busy_);
  return ONESTOP_OK;
}

}  // namespace onestop::simulator
