// The plugin's control commands (JSON in, JSON out), for an administrator and the tests:
//   {"command":"status"} → {"saneVersion", "allowNetworkBackends", "devices":[…], "options":{…}}
//   {"command":"setOptions","device":"test:0","options":{"<sane option>": value, …}}
//   {"command":"clearOptions","device":"test:0"[,"options":["<sane option>", …]]}
// Options are checked against the device when the next job starts (unknown → that job fails
// with ONESTOP_E_INVALID_ARGUMENT), because the device may be busy or absent right now.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/plugin.hpp"
#include "sane_device_monitor.hpp"
#include "sane_vendor_options.hpp"

namespace onestop::sane {

struct ControlContext {
  VendorOptions& vendorOptions;
  bool allowNetworkBackends = false;
  std::function<std::vector<SaneDevice>()> listDevices;
};

onestop_status handleControl(ControlContext& context, std::string_view request,
                             std::string& response);

}  // namespace onestop::sane
