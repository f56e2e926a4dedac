#include "plugin_registry.hpp"

#include <algorithm>
#include <variant>

#include "onestop/plugin.h"
#include "onestop/plugins/discovery.hpp"
#include "onestop/plugins/manifest.hpp"
#include "plugin_config.hpp"
#include "plugin_loader.hpp"

namespace onestop::plugins {
namespace {

bool listed(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

bool isDisabled(const PluginHostOptions& options, const std::string& id) {
  if (listed(options.disabled, id)) return true;
  return !options.enabled.empty() && !listed(options.enabled, id);
}

std::optional<std::string> daemonConfig(const PluginHostOptions& options, const std::string& id) {
  const auto it = options.config.find(id);
  if (it == options.config.end()) return std::nullopt;
  return it->second;
}

}  // namespace

PluginRegistry::PluginRegistry(DeviceCache& cache, EventRouter& router, LogFunction log)
    : cache_(cache), router_(router), log_(std::move(log)) {}

void PluginRegistry::log(LogLevel level, std::string message) const {
  if (log_) log_(level, std::move(message));
}

void PluginRegistry::loadAll(const PluginHostOptions& options) {
  std::set<std::string> seen;
  for (const auto& folder : discoverPluginFolders(options.directories, log_)) {
    loadFolder(folder, options, seen);
  }
}

void PluginRegistry::refuse(PluginReport report, LoadRefusal refusal, std::string detail) {
  report.state = PluginReport::State::Failed;
  report.reason = std::string(loadRefusalName(refusal));
  report.detail = std::move(detail);
  log(refusal == LoadRefusal::Disabled ? LogLevel::Info : LogLevel::Warning,
      "plugin " + report.id + " not loaded: " + report.reason + " (" + report.detail + ")");
  std::lock_guard lock(mutex_);
  reports_.push_back(std::move(report));
}

void PluginRegistry::loadFolder(const std::filesystem::path& folder,
                                const PluginHostOptions& options, std::set<std::string>& seen) {
  PluginReport report;
  report.id = folder.filename().string();
  auto manifest = readManifest(folder);
  if (!manifest) return refuse(report, LoadRefusal::BadManifest, manifest.error().detail());

  report.id = manifest->id;
  report.version = manifest->version;
  report.vendor = manifest->vendor;
  report.path = (folder / manifest->library).string();
  report.kinds = kindNames(manifest->kinds);
  report.abi = std::to_string(manifest->abiMajor) + "." + std::to_string(manifest->abiMinor);

  if (isDisabled(options, manifest->id)) {
    return refuse(report, LoadRefusal::Disabled, "disabled by configuration");
  }
  if (!seen.insert(manifest->id).second) {
    return refuse(report, LoadRefusal::DuplicateId,
                  "another plugin folder already declared id " + manifest->id);
  }
  if (manifest->abiMajor != ONESTOP_ABI_MAJOR) {
    return refuse(report, LoadRefusal::AbiMismatch,
                  "the manifest declares ABI " + report.abi + ", the host speaks " +
                      std::to_string(ONESTOP_ABI_MAJOR) + ".x");
  }
  auto config = effectivePluginConfig(manifest->config, daemonConfig(options, manifest->id));
  if (!config) return refuse(report, LoadRefusal::InitFailed, config.error().detail());

  auto outcome = loadPlugin(LoadRequest{folder, *manifest, *config, log_, &router_});
  if (auto* no = std::get_if<LoadRefused>(&outcome)) {
    if (!no->abi.empty()) report.abi = no->abi;
    cache_.removePlugin(manifest->id);  // events it may have sent from a failed init
    return refuse(report, no->failure.refusal, no->failure.detail);
  }
  auto plugin = std::get<LoadSuccess>(std::move(outcome)).plugin;
  const auto& header = plugin->tables().plugin.header;
  report.abi = std::to_string(header.abi_major) + "." + std::to_string(header.abi_minor);
  report.state = PluginReport::State::Loaded;

  auto devices = plugin->enumerate();
  if (devices) {
    cache_.replacePlugin(manifest->id, std::move(*devices));
  } else {
    log(LogLevel::Warning,
        "plugin " + manifest->id + " loaded but enumerate failed: " + devices.error().detail());
  }
  log(LogLevel::Info,
      "plugin " + manifest->id + " " + manifest->version + " loaded (ABI " + report.abi + ")");
  std::lock_guard lock(mutex_);
  reports_.push_back(std::move(report));
  plugins_.emplace(manifest->id, std::move(plugin));
}

std::vector<PluginReport> PluginRegistry::reports() const {
  std::lock_guard lock(mutex_);
  return reports_;
}

std::shared_ptr<LoadedPlugin> PluginRegistry::find(const std::string& pluginId) const {
  std::lock_guard lock(mutex_);
  const auto it = plugins_.find(pluginId);
  return it == plugins_.end() ? nullptr : it->second;
}

std::vector<std::shared_ptr<LoadedPlugin>> PluginRegistry::loaded() const {
  std::lock_guard lock(mutex_);
  std::vector<std::shared_ptr<LoadedPlugin>> out;
  for (const auto& [id, p] : plugins_) out.push_back(p);
  return out;
}

void PluginRegistry::shutdownAll() {
  std::map<std::string, std::shared_ptr<LoadedPlugin>> plugins;
  {
    std::lock_guard lock(mutex_);
    plugins.swap(plugins_);
  }
  for (auto& [id, plugin] : plugins) {
    plugin->shutdown();
    cache_.removePlugin(id);
    log(LogLevel::Info, "plugin " + id + " shut down");
  }
}

}  // namespace onestop::plugins
