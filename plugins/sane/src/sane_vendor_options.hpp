// Backend-specific options (anything the backend offers by name, e.g. the test backend's
// "read-return-value" or a real scanner's "swdeskew") per device, set from the plugin config or
// the setOptions control command and applied at each job start after the standard options.
#pragma once

#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "onestop/plugin.hpp"
#include "sane_options.hpp"

namespace onestop::sane {

class VendorOptions {
 public:
  // options: an object of option name → string, number or bool (merged over what is set).
  // StatusError(ONESTOP_E_INVALID_ARGUMENT) for anything else.
  void set(const std::string& device, const nlohmann::json& options);
  // Forgets the named options of the device, or all of them when names is empty.
  void clear(const std::string& device, const std::vector<std::string>& names);
  [[nodiscard]] nlohmann::json all() const;  // {device: {name: value}}

  // Applies the device's options to an open handle. Backends keep option values from one open to
  // the next, so options an earlier job set and that are no longer configured get back the value
  // the backend had before. ONESTOP_E_INVALID_ARGUMENT (with a log line naming the option) for an
  // option the device does not have, cannot use now, or whose value it refuses.
  onestop_status apply(const std::string& device, const SaneOptions& options,
                       const sdk::Host& host);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, nlohmann::json> options_;  // device → {name: value}
  // device → name → the backend's value before this plugin first set it
  std::map<std::string, std::map<std::string, nlohmann::json>> originals_;
};

}  // namespace onestop::sane
