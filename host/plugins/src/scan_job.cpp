#include "onestop/plugins/scan_job.hpp"

#include <cstring>

#include "loaded_plugin.hpp"
#include "onestop/plugins/status_mapping.hpp"

namespace onestop::plugins {
namespace {

constexpr std::size_t kMaxPageBytes = 512u * 1024u * 1024u;

}  // namespace

ScanJob::ScanJob(DeviceChannel channel, onestop_scan_job* job)
    : channel_(std::move(channel)), job_(job) {}

ScanJob::~ScanJob() {
  std::lock_guard lock(*channel_.mutex);
  if (!channel_.plugin->untrack(job_)) return;  // the host already finished it at shutdown
  const auto& table = *channel_.plugin->tables().scanner;
  (void)channel_.plugin->call("scanner.finish", [&](void*) {
    table.finish(job_);
    return ONESTOP_OK;
  });
}

Result<std::optional<ScanPage>> ScanJob::next() {
  std::lock_guard lock(*channel_.mutex);
  if (ended_) return std::optional<ScanPage>();
  const auto& table = *channel_.plugin->tables().scanner;
  onestop_scan_page raw{};
  raw.struct_size = sizeof raw;
  const onestop_status s = channel_.plugin->call(
      "scanner.next_page", [&](void*) { return table.next_page(job_, &raw); });
  if (s == ONESTOP_E_NO_MORE_PAGES) {
    ended_ = true;
    return std::optional<ScanPage>();
  }
  if (s != ONESTOP_OK) return statusError(s, "scanner.next_page", channel_.deviceId);

  ScanPage page;
  raw.mime[sizeof raw.mime - 1] = '\0';
  page.mime = raw.mime;
  page.widthPx = raw.width_px;
  page.heightPx = raw.height_px;
  page.resolutionDpi = raw.resolution_dpi;
  const bool sane = (raw.data != nullptr || raw.data_len == 0) && raw.data_len <= kMaxPageBytes;
  if (sane) page.data.assign(raw.data, raw.data + raw.data_len);
  (void)channel_.plugin->call("scanner.release_page", [&](void*) {
    table.release_page(job_, &raw);
    return ONESTOP_OK;
  });
  if (!sane) {
    return Error(Reason::PluginFailed,
                 "scanner.next_page on " + channel_.deviceId + " returned a page without data");
  }
  return std::optional<ScanPage>(std::move(page));
}

Result<void> ScanJob::cancel() {
  // Not under the device mutex: next() may be waiting for the scanner right now.
  const auto& table = *channel_.plugin->tables().scanner;
  if (table.cancel == nullptr) {
    return Error(Reason::NotSupported, channel_.deviceId + " cannot cancel a scan");
  }
  const onestop_status s =
      channel_.plugin->call("scanner.cancel", [&](void*) { return table.cancel(job_); });
  if (s != ONESTOP_OK) return statusError(s, "scanner.cancel", channel_.deviceId);
  return Ok{};
}

}  // namespace onestop::plugins
