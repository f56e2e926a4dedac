#include "virtual_scanner.hpp"

#include <array>

#include "image_folder.hpp"
#include "virtual_scan_job.hpp"

namespace onestop::simulator {
namespace {

constexpr std::array<std::uint32_t, 4> kResolutions{150, 200, 300, 600};
constexpr std::uint32_t kA4WidthUm = 210000;
constexpr std::uint32_t kA4HeightUm = 297000;

}  // namespace

VirtualScanner::VirtualScanner(std::string id, std::filesystem::path imageFolder)
    : id_(std::move(id)), imageFolder_(std::move(imageFolder)) {}

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

onestop_status VirtualScanner::start(const onestop_scan_options& options,
                                     std::unique_ptr<sdk::ScanJob>& job) {
  if (const onestop_status fault = fault_.load(); fault != ONESTOP_OK) return fault;
  const bool adf = options.source == ONESTOP_SCAN_SOURCE_ADF;
  if (!adf && options.source != ONESTOP_SCAN_SOURCE_FLATBED && options.source != 0) {
    return ONESTOP_E_INVALID_ARGUMENT;
  }
  auto pages = listPageImages(imageFolder_);
  if (pages.empty()) return ONESTOP_E_NO_DOCUMENTS;
  if (!adf) pages.resize(1);
  bool expected = false;
  if (!busy_->compare_exchange_strong(expected, true)) return ONESTOP_E_DEVICE_BUSY;
  const std::uint32_t dpi = options.resolution_dpi != 0 ? options.resolution_dpi : 300;
  job = std::make_unique<VirtualScanJob>(std::move(pages), options.max_pages, dpi, busy_);
  return ONESTOP_OK;
}

}  // namespace onestop::simulator
