#pragma once

#include <memory>
#include <string>

#include "onestop/common/result.hpp"
#include "onestop/plugins/device_channel.hpp"
#include "onestop/plugins/device_types.hpp"
#include "onestop/plugins/scan_job.hpp"

namespace onestop::plugins {

// One document scanner of a loaded plugin.
class Scanner {
 public:
  explicit Scanner(DeviceChannel channel);

  [[nodiscard]] const std::string& deviceId() const { return channel_.deviceId; }
  // NotSupported when the plugin does not report capabilities.
  [[nodiscard]] Result<ScannerCapabilities> capabilities() const;
  // NoDocuments when the feeder is empty, DeviceBusy when a job is running.
  [[nodiscard]] Result<std::shared_ptr<ScanJob>> start(const ScanOptions& options);

 private:
  DeviceChannel channel_;
};

}  // namespace onestop::plugins
