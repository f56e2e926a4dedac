#include "onestop/plugins/scanner.hpp"

#include <algorithm>

#include "loaded_plugin.hpp"
#include "onestop/plugins/status_mapping.hpp"

namespace onestop::plugins {
namespace {

std::uint32_t modeBit(ScanMode mode) {
  switch (mode) {
    case ScanMode::Gray:
      return ONESTOP_SCAN_MODE_GRAY;
    case ScanMode::Lineart:
      return ONESTOP_SCAN_MODE_LINEART;
    case ScanMode::Color:
      break;
  }
  return ONESTOP_SCAN_MODE_COLOR;
}

std::uint32_t sourceBit(ScanSource source) {
  return source == ScanSource::Adf ? ONESTOP_SCAN_SOURCE_ADF : ONESTOP_SCAN_SOURCE_FLATBED;
}

ScannerCapabilities fromRaw(const onestop_scanner_caps& raw) {
  ScannerCapabilities caps;
  for (ScanMode m : {ScanMode::Color, ScanMode::Gray, ScanMode::Lineart}) {
    if ((raw.modes & modeBit(m)) != 0) caps.modes.push_back(m);
  }
  for (ScanSource s : {ScanSource::Flatbed, ScanSource::Adf}) {
    if ((raw.sources & sourceBit(s)) != 0) caps.sources.push_back(s);
  }
  const std::uint32_t n = std::min<std::uint32_t>(raw.resolution_count, 16);
  caps.resolutionsDpi.assign(raw.resolutions, raw.resolutions + n);
  caps.maxWidthUm = raw.max_width_um;
  caps.maxHeightUm = raw.max_height_um;
  return caps;
}

}  // namespace

Scanner::Scanner(DeviceChannel channel) : channel_(std::move(channel)) {}

Result<ScannerCapabilities> Scanner::capabilities() const {
  std::lock_guard lock(*channel_.mutex);
  const auto& table = *channel_.plugin->tables().scanner;
  if (table.capabilities == nullptr) {
    return Error(Reason::NotSupported, channel_.deviceId + " reports no capabilities");
  }
  onestop_scanner_caps raw{};
  raw.struct_size = sizeof raw;
  const onestop_status s = channel_.plugin->call("scanner.capabilities", [&](void* p) {
    return table.capabilities(p, channel_.localId.c_str(), &raw);
  });
  if (s != ONESTOP_OK) return statusError(s, "scanner.capabilities", channel_.deviceId);
  return fromRaw(raw);
}

Result<std::shared_ptr<ScanJob>> Scanner::start(const ScanOptions& options) {
  std::lock_guard lock(*channel_.mutex);
  const auto& table = *channel_.plugin->tables().scanner;
  onestop_scan_options raw{};
  raw.struct_size = sizeof raw;
  raw.mode = modeBit(options.mode);
  raw.source = sourceBit(options.source);
  raw.resolution_dpi = options.resolutionDpi;
  raw.max_pages = options.maxPages;
  raw.left_um = options.leftUm;
  raw.top_um = options.topUm;
  raw.width_um = options.widthUm;
  raw.height_um = options.heightUm;
  onestop_scan_job* job = nullptr;
  const onestop_status s = channel_.plugin->call("scanner.start", [&](void* p) {
    return table.start(p, channel_.localId.c_str(), &raw, &job);
  });
  if (s != ONESTOP_OK) return statusError(s, "scanner.start", channel_.deviceId);
  if (job == nullptr) {
    return Error(Reason::PluginFailed, "scanner.start on " + channel_.deviceId + " gave no job");
  }
  channel_.plugin->track(job);
  return std::make_shared<ScanJob>(channel_, job);
}

}  // namespace onestop::plugins
