#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/plugins/device_catalog.hpp"
#include "onestop/plugins/device_kind.hpp"

namespace onestop::plugins {

// manifest.json beside a plugin library, read before any code is loaded:
//   {"id": "simulator", "version": "0.1.0", "vendor": "onestop", "kinds": ["reader", "scanner"],
//    "abi": "1.0", "library": "libonestop_simulator.so", "config": {...optional defaults...}}
// Unknown fields are ignored (a later minor may add "signature").
struct Manifest {
  std::string id;  // [a-z0-9-], 1..64 characters, starts with a letter or digit
  std::string version;
  std::string vendor;
  std::vector<DeviceKind> kinds;
  std::uint16_t abiMajor = 0;
  std::uint16_t abiMinor = 0;
  std::string library;        // a file name in the plugin's folder, no path
  std::string config = "{}";  // default plugin config, a JSON object as text
};

inline constexpr std::string_view kManifestFileName = "manifest.json";
inline constexpr std::size_t kMaxManifestBytes = 64 * 1024;

// Failures are Reason::ValidationFailed with a detail naming the field.
Result<Manifest> parseManifest(std::string_view jsonText);
// Reads <pluginDir>/manifest.json.
Result<Manifest> readManifest(const std::filesystem::path& pluginDir);

bool isValidPluginId(std::string_view id);
std::vector<std::string> kindNames(const std::vector<DeviceKind>& kinds);

}  // namespace onestop::plugins
