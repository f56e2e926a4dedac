#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "onestop/plugins/device_catalog.hpp"
#include "plugin_event.hpp"

namespace onestop::plugins {

// What every plugin last reported, kept current by their events, so that queries never wait on
// hardware. Thread-safe.
class DeviceCache {
 public:
  struct Applied {
    DeviceSnapshot device;      // after the event (before it, for a removal)
    bool needsRefresh = false;  // the event named a device the cache did not know in full
  };

  // Counts the events applied for a plugin; refresh uses it to detect a race with an event.
  [[nodiscard]] std::uint64_t generation(const std::string& pluginId) const;
  void replacePlugin(const std::string& pluginId, std::vector<DeviceSnapshot> devices);
  // Replaces only if no event for the plugin arrived since `generation` was read.
  bool replacePluginIf(const std::string& pluginId, std::vector<DeviceSnapshot> devices,
                       std::uint64_t generation);
  void removePlugin(const std::string& pluginId);

  Applied apply(const std::string& pluginId, const PluginEvent& event);

  [[nodiscard]] std::optional<DeviceSnapshot> find(const std::string& deviceId) const;
  [[nodiscard]] std::vector<DeviceSnapshot> list() const;  // ordered by id

 private:
  void replaceLocked(const std::string& pluginId, std::vector<DeviceSnapshot> devices);

  mutable std::mutex mutex_;
  std::map<std::string, DeviceSnapshot> devices_;
  std::map<std::string, std::uint64_t> generations_;
};

}  // namespace onestop::plugins
