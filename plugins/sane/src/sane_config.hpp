// The plugin's section of the daemon config:
//   {"allowNetworkBackends": false,
//    "devices": {"test:0": {"options": {"<sane option name>": <string|number|bool>}}}}
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace onestop::sane {

struct SaneConfig {
  // Devices of network backends (net:…, escl:…, airscan:…) are skipped unless this is true: their
  // discovery can take seconds and they reach scanners outside this counter.
  bool allowNetworkBackends = false;
  std::map<std::string, nlohmann::json> deviceOptions;  // device → options object
};

// StatusError(ONESTOP_E_INVALID_ARGUMENT) for text that is not such an object.
SaneConfig parseSaneConfig(std::string_view json);

// Whether a SANE device name belongs to a network backend.
bool isNetworkDevice(std::string_view saneName);

}  // namespace onestop::sane
