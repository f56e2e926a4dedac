// One open SANE device and the plugin's claim on it: at most one job of this plugin per device,
// and the handle is always cancelled and closed when its owner goes.
#pragma once

#include <sane/sane.h>

#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "onestop/plugin.h"

namespace onestop::sane {

// The devices a job of this plugin is using.
class BusyDevices {
 public:
  bool claim(const std::string& device);
  void release(const std::string& device);

 private:
  std::mutex mutex_;
  std::set<std::string> busy_;
};

// Released when destroyed.
class DeviceClaim {
 public:
  DeviceClaim(std::shared_ptr<BusyDevices> busy, std::string device)
      : busy_(std::move(busy)), device_(std::move(device)) {}
  DeviceClaim(const DeviceClaim&) = delete;
  DeviceClaim& operator=(const DeviceClaim&) = delete;
  ~DeviceClaim() { busy_->release(device_); }
  [[nodiscard]] const std::string& device() const { return device_; }

 private:
  std::shared_ptr<BusyDevices> busy_;
  std::string device_;
};

class OpenDevice {
 public:
  // sane_open under the library-wide lock; the SANE status when it fails.
  static SANE_Status open(const std::string& name, std::unique_ptr<OpenDevice>& out);
  OpenDevice(const OpenDevice&) = delete;
  OpenDevice& operator=(const OpenDevice&) = delete;
  ~OpenDevice();  // sane_cancel, then sane_close under the library-wide lock

  [[nodiscard]] SANE_Handle handle() const { return handle_; }

 private:
  explicit OpenDevice(SANE_Handle handle) : handle_(handle) {}
  SANE_Handle handle_;
};

}  // namespace onestop::sane
