#include "device_cache.hpp"

#include "onestop/plugins/device_id.hpp"

namespace onestop::plugins {

std::uint64_t DeviceCache::generation(const std::string& pluginId) const {
  std::lock_guard lock(mutex_);
  const auto it = generations_.find(pluginId);
  return it == generations_.end() ? 0 : it->second;
}

void DeviceCache::replacePlugin(const std::string& pluginId, std::vector<DeviceSnapshot> devices) {
  std::lock_guard lock(mutex_);
  replaceLocked(pluginId, std::move(devices));
}

bool DeviceCache::replacePluginIf(const std::string& pluginId, std::vector<DeviceSnapshot> devices,
                                  std::uint64_t generation) {
  std::lock_guard lock(mutex_);
  const auto it = generations_.find(pluginId);
  if ((it == generations_.end() ? 0 : it->second) != generation) return false;
  replaceLocked(pluginId, std::move(devices));
  return true;
}

void DeviceCache::removePlugin(const std::string& pluginId) {
  std::lock_guard lock(mutex_);
  replaceLocked(pluginId, {});
  generations_.erase(pluginId);
}

void DeviceCache::replaceLocked(const std::string& pluginId, std::vector<DeviceSnapshot> devices) {
  std::erase_if(devices_, [&](const auto& entry) { return entry.second.pluginId == pluginId; });
  for (auto& d : devices) {
    std::string id = d.id;
    devices_.insert_or_assign(std::move(id), std::move(d));
  }
}

DeviceCache::Applied DeviceCache::apply(const std::string& pluginId, const PluginEvent& event) {
  std::lock_guard lock(mutex_);
  ++generations_[pluginId];
  const std::string id = makeDeviceId(pluginId, event.localId);
  Applied applied;
  auto it = devices_.find(id);
  if (event.kind == DeviceEvent::Kind::DeviceRemoved) {
    if (it != devices_.end()) {
      applied.device = it->second;
      devices_.erase(it);
    } else {
      applied.device = DeviceSnapshot{
          id, pluginId, event.localId, event.deviceKind, event.localId, false, false};
    }
    applied.device.cardPresent = false;
    return applied;
  }
  if (it == devices_.end()) {
    // Not enumerated yet: keep a placeholder (name = local id) until the refresh fills it in.
    it = devices_
             .emplace(id, DeviceSnapshot{id, pluginId, event.localId, event.deviceKind,
                                         event.localId, false, false})
             .first;
    applied.needsRefresh = true;
  }
  if (event.kind == DeviceEvent::Kind::DeviceAdded) applied.needsRefresh = true;
  if (event.kind == DeviceEvent::Kind::CardInserted) it->second.cardPresent = true;
  if (event.kind == DeviceEvent::Kind::CardRemoved) it->second.cardPresent = false;
  applied.device = it->second;
  return applied;
}

std::optional<DeviceSnapshot> DeviceCache::find(const std::string& deviceId) const {
  std::lock_guard lock(mutex_);
  const auto it = devices_.find(deviceId);
  if (it == devices_.end()) return std::nullopt;
  return it->second;
}

std::vector<DeviceSnapshot> DeviceCache::list() const {
  std::lock_guard lock(mutex_);
  std::vector<DeviceSnapshot> out;
  out.reserve(devices_.size());
  for (const auto& [id, d] : devices_) out.push_back(d);
  return out;
}

}  // namespace onestop::plugins
