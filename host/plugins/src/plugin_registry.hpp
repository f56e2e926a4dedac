#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "device_cache.hpp"
#include "event_router.hpp"
#include "loaded_plugin.hpp"
#include "onestop/plugins/device_catalog.hpp"
#include "onestop/plugins/load_failure.hpp"
#include "onestop/plugins/plugin_host.hpp"

namespace onestop::plugins {

// Walks the plugin folders in order, applies the enable/disable lists and the duplicate rule,
// loads what may load, and keeps one PluginReport per folder and the loaded plugins by id.
class PluginRegistry {
 public:
  PluginRegistry(DeviceCache& cache, EventRouter& router, LogFunction log);

  void loadAll(const PluginHostOptions& options);

  [[nodiscard]] std::vector<PluginReport> reports() const;
  [[nodiscard]] std::shared_ptr<LoadedPlugin> find(const std::string& pluginId) const;
  [[nodiscard]] std::vector<std::shared_ptr<LoadedPlugin>> loaded() const;
  void shutdownAll();

 private:
  void loadFolder(const std::filesystem::path& folder, const PluginHostOptions& options,
                  std::set<std::string>& seen);
  void refuse(PluginReport report, LoadRefusal refusal, std::string detail);
  void log(LogLevel level, std::string message) const;

  DeviceCache& cache_;
  EventRouter& router_;
  LogFunction log_;
  mutable std::mutex mutex_;
  std::vector<PluginReport> reports_;
  std::map<std::string, std::shared_ptr<LoadedPlugin>> plugins_;
};

}  // namespace onestop::plugins
