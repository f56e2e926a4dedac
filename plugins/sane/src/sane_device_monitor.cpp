#include "sane_device_monitor.hpp"

#include <sane/sane.h>

#include <algorithm>

#include "sane_config.hpp"
#include "sane_library.hpp"
#include "sane_status.hpp"

namespace onestop::sane {

DeviceMonitor::DeviceMonitor(sdk::Host host, bool allowNetworkBackends, Waits waits)
    : host_(host),
      allowNetworkBackends_(allowNetworkBackends),
      waits_(waits),
      thread_([this] { run(); }) {}

DeviceMonitor::~DeviceMonitor() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  changed_.notify_all();
  thread_.join();
}

std::vector<SaneDevice> DeviceMonitor::devices() {
  std::unique_lock lock(mutex_);
  const bool fresh = listed_ && std::chrono::steady_clock::now() - listedAt_ < waits_.freshFor;
  if (!fresh) {
    const std::uint64_t ticket = ++requested_;
    changed_.notify_all();
    changed_.wait_for(lock, listed_ ? waits_.later : waits_.firstList,
                      [&] { return completed_ >= ticket || stopping_; });
  }
  handedOut_ = true;
  return devices_;
}

std::optional<SaneDevice> DeviceMonitor::find(const std::string& name) {
  auto lookup = [&](const std::vector<SaneDevice>& list) -> std::optional<SaneDevice> {
    const auto it =
        std::find_if(list.begin(), list.end(), [&](const SaneDevice& d) { return d.name == name; });
    if (it == list.end()) return std::nullopt;
    return *it;
  };
  {
    std::lock_guard lock(mutex_);
    if (auto found = lookup(devices_)) return found;
  }
  return lookup(devices());
}

void DeviceMonitor::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    changed_.wait(lock, [&] { return stopping_ || requested_ > completed_; });
    if (stopping_) return;
    const std::uint64_t serving = requested_;
    lock.unlock();
    refresh();
    lock.lock();
    completed_ = serving;
    changed_.notify_all();
  }
}

void DeviceMonitor::refresh() {
  std::vector<SaneDevice> found;
  {
    std::lock_guard sane(saneGlobalMutex());
    const SANE_Device** list = nullptr;
    // local_only: never search the network for saned servers.
    const SANE_Status s = sane_get_devices(&list, SANE_TRUE);
    if (s != SANE_STATUS_GOOD) {
      host_.log(ONESTOP_LOG_WARNING, "sane_get_devices failed: " + saneStatusName(s));
      return;
    }
    for (; list != nullptr && *list != nullptr; ++list) {
      const SANE_Device* d = *list;
      if (d->name == nullptr || d->name[0] == '\0') continue;
      const std::string name(d->name);
      if (!allowNetworkBackends_ && isNetworkDevice(name)) continue;
      if (name.size() >= ONESTOP_ID_MAX) continue;  // could not be addressed through the ABI
      std::string label = std::string(d->vendor != nullptr ? d->vendor : "") + " " +
                          (d->model != nullptr ? d->model : "");
      if (label == " ") label = name;
      found.push_back({name, label});
    }
  }
  std::vector<SaneDevice> before;
  bool announce = false;
  {
    std::lock_guard lock(mutex_);
    before.swap(devices_);
    devices_ = found;
    // Changes to a list the host has not seen yet are no news: it gets the list itself.
    announce = handedOut_;
    listed_ = true;
    listedAt_ = std::chrono::steady_clock::now();
  }
  if (!announce) return;
  auto contains = [](const std::vector<SaneDevice>& list, const std::string& name) {
    return std::any_of(list.begin(), list.end(),
                       [&](const SaneDevice& d) { return d.name == name; });
  };
  for (const auto& d : found) {
    if (!contains(before, d.name)) host_.deviceAdded(ONESTOP_DEVICE_SCANNER, d.name);
  }
  for (const auto& d : before) {
    if (!contains(found, d.name)) host_.deviceRemoved(ONESTOP_DEVICE_SCANNER, d.name);
  }
}

}  // namespace onestop::sane
