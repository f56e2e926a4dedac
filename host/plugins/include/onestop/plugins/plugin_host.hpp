#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/plugins/device_catalog.hpp"
#include "onestop/plugins/log.hpp"
#include "onestop/plugins/printer.hpp"
#include "onestop/plugins/reader.hpp"
#include "onestop/plugins/reader_connection.hpp"
#include "onestop/plugins/scanner.hpp"

namespace onestop::plugins {

struct PluginHostOptions {
  // Folders to discover plugins in (each subfolder with a manifest.json, or a plugin folder
  // itself).
  std::vector<std::filesystem::path> directories;
  // When not empty, only these plugin ids load; the others are reported as DISABLED.
  std::vector<std::string> enabled;
  // These ids never load (reported as DISABLED); wins over `enabled`.
  std::vector<std::string> disabled;
  // Per-plugin config: id → JSON object text, merged (RFC 7386) over the manifest's "config".
  std::map<std::string, std::string> config;
  LogFunction log;
};

// Discovers, checks, loads and initialises device plugins, keeps a device cache current from their
// events, and gives typed, per-device-serialized access to readers, scanners and printers.
// Plugins that are refused are reported by plugins() and the host carries on without them.
class PluginHost final : public DeviceCatalog {
 public:
  // Loads every plugin found; never throws for a bad plugin.
  explicit PluginHost(PluginHostOptions options);
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;
  ~PluginHost() override;  // shutdown()

  // DeviceCatalog: served from the cache, never waits on hardware.
  [[nodiscard]] std::vector<DeviceSnapshot> devices() const override;
  [[nodiscard]] std::vector<PluginReport> plugins() const override;
  // PluginNotFound for an unknown or refused plugin, NotSupported without a control function;
  // a plugin failure carries the plugin's JSON error text as detail.
  Result<std::string> control(const std::string& pluginId, const std::string& requestJson) override;
  // The listener runs on the plugin's thread, possibly inside a call into that same plugin (the
  // simulator emits from within control()). It may read devices()/plugins(), but must hand device
  // access and control() over to another thread: calling them synchronously can deadlock.
  void setListener(Listener listener) override;

  [[nodiscard]] std::optional<DeviceSnapshot> device(const std::string& deviceId) const;
  // Re-enumerates every loaded plugin into the cache (for hot-plug polling).
  void refresh();

  // Typed access; DeviceNotFound for an unknown id or a device of another kind.
  [[nodiscard]] Result<std::shared_ptr<Reader>> reader(const std::string& deviceId) const;
  [[nodiscard]] Result<std::shared_ptr<Scanner>> scanner(const std::string& deviceId) const;
  [[nodiscard]] Result<std::shared_ptr<Printer>> printer(const std::string& deviceId) const;
  // reader(deviceId) then connect(): NoCard when the reader is empty.
  [[nodiscard]] Result<std::shared_ptr<ReaderConnection>> connectReader(
      const std::string& deviceId) const;

  // Cancels running scans, calls every plugin's shutdown and unloads it. Idempotent. Objects handed
  // out earlier stay safe to use and destroy; their calls fail with DeviceNotFound.
  void shutdown();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace onestop::plugins
