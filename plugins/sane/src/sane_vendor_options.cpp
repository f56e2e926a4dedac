#include "sane_vendor_options.hpp"

#include "sane_status.hpp"

namespace onestop::sane {
namespace {

[[noreturn]] void invalid(const std::string& why) {
  throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT, why);
}

}  // namespace

void VendorOptions::set(const std::string& device, const nlohmann::json& options) {
  if (device.empty()) invalid("sane options: no device named");
  if (!options.is_object()) invalid("sane options for " + device + ": not a JSON object");
  for (const auto& [name, value] : options.items()) {
    if (name.empty() || !(value.is_string() || value.is_number() || value.is_boolean())) {
      invalid("sane option \"" + name + "\" for " + device + ": needs a string, number or bool");
    }
  }
  std::lock_guard lock(mutex_);
  auto& current = options_[device];
  if (!current.is_object()) current = nlohmann::json::object();
  current.update(options);
}

void VendorOptions::clear(const std::string& device, const std::vector<std::string>& names) {
  std::lock_guard lock(mutex_);
  const auto it = options_.find(device);
  if (it == options_.end()) return;
  if (names.empty()) {
    options_.erase(it);
    return;
  }
  for (const auto& name : names) it->second.erase(name);
  if (it->second.empty()) options_.erase(it);
}

nlohmann::json VendorOptions::all() const {
  std::lock_guard lock(mutex_);
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [device, options] : options_) out[device] = options;
  return out;
}

onestop_status VendorOptions::apply(const std::string& device, const SaneOptions& options,
                                    const sdk::Host& host) {
  std::lock_guard lock(mutex_);
  const auto configured = options_.count(device) != 0 ? options_[device] : nlohmann::json::object();
  auto& originals = originals_[device];
  for (auto it = originals.begin(); it != originals.end();) {
    if (configured.contains(it->first)) {
      ++it;
      continue;
    }
    // Best effort: an option that became inactive keeps its value until it is active again.
    (void)options.setValue(it->first, it->second);
    it = originals.erase(it);
  }

  // Some options only become active once another is set ("read-delay-duration" after
  // "read-delay"), so retry the rest while each round makes progress.
  std::map<std::string, nlohmann::json> pending;
  for (const auto& [name, value] : configured.items()) pending.emplace(name, value);
  bool progress = true;
  while (!pending.empty() && progress) {
    progress = false;
    for (auto it = pending.begin(); it != pending.end();) {
      if (!options.find(it->first)) {
        ++it;
        continue;
      }
      if (originals.count(it->first) == 0) {
        if (auto before = options.value(it->first)) originals.emplace(it->first, *before);
      }
      const SANE_Status s = options.setValue(it->first, it->second);
      if (s != SANE_STATUS_GOOD) {
        host.log(ONESTOP_LOG_WARNING, "device " + device + " refused the value of option \"" +
                                          it->first + "\": " + saneStatusName(s));
        return ONESTOP_E_INVALID_ARGUMENT;
      }
      it = pending.erase(it);
      progress = true;
    }
  }
  for (const auto& [name, value] : pending) {
    host.log(ONESTOP_LOG_WARNING,
             "device " + device +
                 (options.exists(name) ? " cannot use option \"" : " has no option \"") + name +
                 "\" now");
    return ONESTOP_E_INVALID_ARGUMENT;
  }
  return ONESTOP_OK;
}

}  // namespace onestop::sane
