// The list of SANE devices, kept by a background thread so that enumeration never holds the host
// for long: sane_get_devices may take seconds (USB probing, slow backends; ~4 s with Debian's
// stock dll.conf). Asking for the list starts a refresh unless the last one is recent, and waits a
// bounded time for it: longer for the very first list, briefly afterwards (the last list is
// returned, and devices that come or go later are announced with device events).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "onestop/plugin.hpp"

namespace onestop::sane {

struct SaneDevice {
  std::string name;   // the SANE device name, also the plugin's device id ("test:0")
  std::string label;  // "Noname frontend-tester virtual device"
};

class DeviceMonitor {
 public:
  struct Waits {
    std::chrono::milliseconds firstList{2000};  // before any list exists
    std::chrono::milliseconds later{100};       // when a list exists
    std::chrono::milliseconds freshFor{2000};   // a list this young is returned without a refresh
  };
  DeviceMonitor(sdk::Host host, bool allowNetworkBackends, Waits waits);
  DeviceMonitor(const DeviceMonitor&) = delete;
  DeviceMonitor& operator=(const DeviceMonitor&) = delete;
  ~DeviceMonitor();  // stops the thread (waits for a sane_get_devices in progress)

  // The newest list, after a bounded wait for a refresh (see Waits).
  std::vector<SaneDevice> devices();
  // The device from the newest list; asks for a refresh first when it is not there.
  std::optional<SaneDevice> find(const std::string& name);

 private:
  void run();
  void refresh();  // one sane_get_devices, on the monitor thread

  sdk::Host host_;
  bool allowNetworkBackends_;
  Waits waits_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<SaneDevice> devices_;
  bool listed_ = false;     // devices_ came from a sane_get_devices at least once
  bool handedOut_ = false;  // the host has seen a list: later changes are announced as events
  std::chrono::steady_clock::time_point listedAt_{};
  std::uint64_t requested_ = 0;  // refreshes asked for
  std::uint64_t completed_ = 0;  // refreshes done (a refresh serves every request before it)
  bool stopping_ = false;
  std::thread thread_;  // last: starts after everything above is ready
};

}  // namespace onestop::sane
