#include "sane_plugin.hpp"

#include "sane_capabilities.hpp"
#include "sane_control.hpp"
#include "sane_job_setup.hpp"
#include "sane_status.hpp"

namespace onestop::sane {

SanePlugin::SanePlugin(sdk::Host host, std::string_view configJson)
    : sdk::Plugin(host),
      session_(std::make_shared<SaneSession>()),
      config_(parseSaneConfig(configJson)),
      monitor_(host, config_.allowNetworkBackends, DeviceMonitor::Waits{}) {
  for (const auto& [device, options] : config_.deviceOptions) vendorOptions_.set(device, options);
}

SanePlugin::~SanePlugin() = default;

std::vector<sdk::Device> SanePlugin::devices() {
  std::vector<sdk::Device> out;
  for (const auto& d : monitor_.devices()) {
    out.push_back({ONESTOP_DEVICE_SCANNER, d.name, d.label, 0});
  }
  return out;
}

bool SanePlugin::known(const std::string& scannerId) {
  return monitor_.find(scannerId).has_value();
}

onestop_status SanePlugin::scannerCapabilities(const std::string& scannerId,
                                               onestop_scanner_caps& out) {
  if (!known(scannerId)) return ONESTOP_E_NO_DEVICE;
  // A device that runs a job cannot be opened again: answer from the last reading.
  if (!busy_->claim(scannerId)) {
    std::lock_guard lock(capsMutex_);
    const auto it = capsCache_.find(scannerId);
    if (it == capsCache_.end()) return ONESTOP_E_DEVICE_BUSY;
    out = it->second;
    return ONESTOP_OK;
  }
  DeviceClaim claim(busy_, scannerId);
  std::unique_ptr<OpenDevice> open;
  if (const SANE_Status s = OpenDevice::open(scannerId, open); s != SANE_STATUS_GOOD) {
    host().log(ONESTOP_LOG_WARNING, "sane_open " + scannerId + " failed: " + saneStatusName(s));
    return statusForSane(s);
  }
  const onestop_scanner_caps caps = readCapabilities(open->handle());
  open.reset();
  {
    std::lock_guard lock(capsMutex_);
    capsCache_[scannerId] = caps;
  }
  const std::uint32_t size = out.struct_size;
  out = caps;
  out.struct_size = size;
  return ONESTOP_OK;
}

onestop_status SanePlugin::startScan(const std::string& scannerId,
                                     const onestop_scan_options& options,
                                     std::unique_ptr<sdk::ScanJob>& job) {
  if (!known(scannerId)) return ONESTOP_E_NO_DEVICE;
  const JobStartContext context{host(), session_, busy_, &vendorOptions_,
                                [this, scannerId](const onestop_scanner_caps& caps) {
                                  std::lock_guard lock(capsMutex_);
                                  capsCache_[scannerId] = caps;
                                }};
  return startSaneJob(context, scannerId, options, job);
}

onestop_status SanePlugin::control(std::string_view request, std::string& response) {
  ControlContext context{vendorOptions_, config_.allowNetworkBackends,
                         [this] { return monitor_.devices(); }};
  return handleControl(context, request, response);
}

}  // namespace onestop::sane
