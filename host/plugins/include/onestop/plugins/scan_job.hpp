#pragma once

#include <optional>
#include <string>

#include "onestop/common/result.hpp"
#include "onestop/plugin.h"
#include "onestop/plugins/device_channel.hpp"
#include "onestop/plugins/device_types.hpp"

namespace onestop::plugins {

// One running scan: start → next()… → end. The destructor finishes the job in the plugin.
class ScanJob {
 public:
  ScanJob(DeviceChannel channel, onestop_scan_job* job);
  ScanJob(const ScanJob&) = delete;
  ScanJob& operator=(const ScanJob&) = delete;
  ~ScanJob();

  [[nodiscard]] const std::string& deviceId() const { return channel_.deviceId; }
  // The next page; std::nullopt when the job has ended normally. Faults: ScannerJammed,
  // CoverOpen, NoDocuments, Cancelled …
  [[nodiscard]] Result<std::optional<ScanPage>> next();
  // May be called from any thread, also while next() waits for the scanner.
  Result<void> cancel();

 private:
  DeviceChannel channel_;
  onestop_scan_job* job_;
  bool ended_ = false;  // guarded by *channel_.mutex
};

}  // namespace onestop::plugins
