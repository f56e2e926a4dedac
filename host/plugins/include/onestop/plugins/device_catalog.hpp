#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/common/result.hpp"

namespace onestop::plugins {

enum class DeviceKind { Reader, Scanner, Printer };

// "reader" | "scanner" | "printer" — the wire names.
inline const char* deviceKindName(DeviceKind kind) {
  switch (kind) {
    case DeviceKind::Reader:
      return "reader";
    case DeviceKind::Scanner:
      return "scanner";
    case DeviceKind::Printer:
      return "printer";
  }
  return "reader";
}

struct DeviceSnapshot {
  std::string id;  // globally unique: "<pluginId>/<localId>"
  std::string pluginId;
  std::string localId;  // the id the plugin reported
  DeviceKind kind = DeviceKind::Reader;
  std::string name;
  bool cardPresent = false;  // readers only
  bool simulated = false;
};

struct PluginReport {
  enum class State { Loaded, Failed };
  std::string id;  // from the manifest, or the folder name when the manifest is unreadable
  std::string version;
  std::string vendor;
  std::string path;  // library path
  std::vector<std::string> kinds;
  std::string abi;  // "major.minor" the plugin declared, empty if never read
  State state = State::Failed;
  std::string reason;  // machine-readable refusal: BAD_MANIFEST, LOAD_FAILED, MISSING_SYMBOL,
                       // ABI_MISMATCH, ENTRY_FAILED, INIT_FAILED, DUPLICATE_ID, ID_MISMATCH,
                       // DISABLED (by the daemon's enable/disable lists); empty when Loaded
  std::string detail;  // developer detail (English)
};

struct DeviceEvent {
  enum class Kind { DeviceAdded, DeviceRemoved, CardInserted, CardRemoved };
  Kind kind = Kind::DeviceAdded;
  DeviceSnapshot device;
  std::vector<std::uint8_t> atr;  // CardInserted only
};

// What the API layer needs from the plugin host. Implemented by PluginHost; faked in unit tests.
class DeviceCatalog {
 public:
  using Listener = std::function<void(const DeviceEvent&)>;

  virtual ~DeviceCatalog() = default;
  [[nodiscard]] virtual std::vector<DeviceSnapshot> devices() const = 0;
  [[nodiscard]] virtual std::vector<PluginReport> plugins() const = 0;
  // A plugin's optional vendor administration entry point (JSON in, JSON out).
  virtual Result<std::string> control(const std::string& pluginId,
                                      const std::string& requestJson) = 0;
  // One listener (the daemon's event bridge); called from plugin threads.
  virtual void setListener(Listener listener) = 0;
};

}  // namespace onestop::plugins
