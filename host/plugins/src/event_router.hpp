#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "device_cache.hpp"
#include "onestop/plugins/device_catalog.hpp"
#include "onestop/plugins/log.hpp"
#include "plugin_event.hpp"

namespace onestop::plugins {

// Turns plugin events into DeviceEvents: updates the cache, asks for a re-enumeration when the
// event named a device the cache does not know in full, then calls the listener. Runs on the
// plugin's thread and never calls into a plugin (that could deadlock a plugin holding its lock).
class EventRouter {
 public:
  using RefreshRequest = std::function<void(const std::string& pluginId)>;

  EventRouter(DeviceCache& cache, RefreshRequest requestRefresh, LogFunction log);

  void setListener(DeviceCatalog::Listener listener);
  void route(const std::string& pluginId, const PluginEvent& event);

 private:
  DeviceCache& cache_;
  RefreshRequest requestRefresh_;
  LogFunction log_;
  std::mutex mutex_;
  std::shared_ptr<const DeviceCatalog::Listener> listener_;
};

}  // namespace onestop::plugins
