// The SANE scanner plugin: every local scanner libsane knows, as plugin devices named by their
// SANE device names ("test:0", "epson2:libusb:001:004").
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/plugin.hpp"
#include "sane_config.hpp"
#include "sane_device_handle.hpp"
#include "sane_device_monitor.hpp"
#include "sane_library.hpp"
#include "sane_vendor_options.hpp"

namespace onestop::sane {

class SanePlugin final : public sdk::Plugin, public sdk::ScannerPlugin {
 public:
  SanePlugin(sdk::Host host, std::string_view configJson);
  ~SanePlugin() override;

  std::vector<sdk::Device> devices() override;
  onestop_status control(std::string_view request, std::string& response) override;
  onestop_status scannerCapabilities(const std::string& scannerId,
                                     onestop_scanner_caps& out) override;
  onestop_status startScan(const std::string& scannerId, const onestop_scan_options& options,
                           std::unique_ptr<sdk::ScanJob>& job) override;

 private:
  bool known(const std::string& scannerId);

  std::shared_ptr<SaneSession> session_;  // first: everything below uses libsane
  SaneConfig config_;
  VendorOptions vendorOptions_;
  std::shared_ptr<BusyDevices> busy_ = std::make_shared<BusyDevices>();
  std::mutex capsMutex_;
  std::map<std::string, onestop_scanner_caps> capsCache_;  // for devices busy with a job
  DeviceMonitor monitor_;                                  // last: its thread stops first
};

}  // namespace onestop::sane
