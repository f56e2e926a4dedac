#pragma once

#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "abi_tables.hpp"
#include "call_gate.hpp"
#include "host_binding.hpp"
#include "onestop/common/result.hpp"
#include "onestop/plugins/device_catalog.hpp"
#include "onestop/plugins/log.hpp"
#include "onestop/plugins/manifest.hpp"
#include "onestop/plugins/plugin_library.hpp"

namespace onestop::plugins {

// One plugin after its tables passed the checks: owns the library, the host table handed to init
// and the plugin's instance; every call into the plugin goes through call(), which refuses once
// the plugin is shut down and turns an escaping exception into ONESTOP_E_INTERNAL.
class LoadedPlugin {
 public:
  LoadedPlugin(Manifest manifest, PluginLibrary library, PluginTables tables,
               std::unique_ptr<HostBinding> binding, LogFunction log);
  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;
  ~LoadedPlugin();  // shutdown()

  // Calls the plugin's init; a developer detail when it fails or throws.
  std::optional<std::string> init(const std::string& configJson);

  [[nodiscard]] const Manifest& manifest() const { return manifest_; }
  [[nodiscard]] const std::string& id() const { return manifest_.id; }
  [[nodiscard]] const PluginTables& tables() const { return tables_; }

  // Plugin-wide calls, serialized with each other.
  [[nodiscard]] Result<std::vector<DeviceSnapshot>> enumerate();
  [[nodiscard]] Result<std::string> control(const std::string& requestJson);

  // The mutex serializing every call into one device.
  [[nodiscard]] std::shared_ptr<std::mutex> deviceMutex(const std::string& localId);

  // Runs f(instance) inside the call gate. ONESTOP_E_NO_DEVICE once shut down.
  template <typename F>
  onestop_status call(const char* operation, F&& f) noexcept {
    const CallGate::Pass pass = gate_.enter();
    if (!pass) return ONESTOP_E_NO_DEVICE;
    try {
      return std::forward<F>(f)(instance_);
    } catch (...) {
      logThrow(operation);
      return ONESTOP_E_INTERNAL;
    }
  }

  // Open handles, so that shutdown can close what callers still hold. untrack() is true when the
  // caller still owns the handle (and must close it), false when shutdown already did.
  void track(onestop_card* card);
  bool untrack(onestop_card* card);
  void track(onestop_scan_job* job);
  bool untrack(onestop_scan_job* job);

  // Cancels scans, waits for calls in flight, closes open handles, calls shutdown, unloads.
  void shutdown();

  void log(LogLevel level, std::string message) const;

 private:
  void logThrow(const char* operation) const noexcept;
  void closeHandles();
  std::optional<DeviceSnapshot> snapshot(const onestop_device_info& info) const;

  Manifest manifest_;
  PluginLibrary library_;
  PluginTables tables_;
  std::unique_ptr<HostBinding> binding_;
  LogFunction log_;
  void* instance_ = nullptr;
  bool initialised_ = false;

  CallGate gate_;
  std::mutex pluginMutex_;  // enumerate, control
  std::mutex locksMutex_;   // deviceLocks_
  std::map<std::string, std::shared_ptr<std::mutex>> deviceLocks_;
  std::mutex handlesMutex_;  // cards_, jobs_
  std::set<onestop_card*> cards_;
  std::set<onestop_scan_job*> jobs_;
  std::once_flag shutdownOnce_;
};

}  // namespace onestop::plugins
