// scanner.start: claim the device, open it, set the standard options (source, mode, depth,
// resolution, area) in the device's own spellings, then the vendor options, and hand over a job.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "onestop/plugin.hpp"
#include "sane_device_handle.hpp"
#include "sane_library.hpp"
#include "sane_vendor_options.hpp"

namespace onestop::sane {

struct JobStartContext {
  sdk::Host host;
  std::shared_ptr<SaneSession> session;
  std::shared_ptr<BusyDevices> busy;
  VendorOptions* vendorOptions = nullptr;
  // Gets the device's capabilities, read while it is open anyway, so that capabilities() can
  // answer while the job keeps the device busy.
  std::function<void(const onestop_scanner_caps&)> rememberCapabilities;
};

// DEVICE_BUSY when a job of this plugin runs on the device or the backend says so;
// INVALID_ARGUMENT for a mode or source the device lacks, an empty area, or a bad vendor option;
// the mapped SANE status when opening or setting an option fails otherwise.
onestop_status startSaneJob(const JobStartContext& context, const std::string& device,
                            const onestop_scan_options& options,
                            std::unique_ptr<sdk::ScanJob>& job);

}  // namespace onestop::sane
