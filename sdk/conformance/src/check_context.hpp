#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "check_host.hpp"
#include "check_report.hpp"
#include "onestop/plugin.h"
#include "onestop/plugins/manifest.hpp"
#include "onestop/plugins/plugin_library.hpp"

namespace onestop::conformance {

struct CheckOptions {
  std::filesystem::path manifestFile;  // <folder>/manifest.json or given
  std::filesystem::path library;       // empty: <manifest folder>/<manifest "library">
  std::string config = "{}";           // passed to init
  bool scan = false;                   // run real scan jobs
  bool print = false;                  // submit a one-page test PDF
};

// What the checks share while they walk the plugin, area by area.
struct CheckContext {
  CheckOptions options;
  CheckReport report;
  CheckHost host;
  plugins::Manifest manifest;
  std::optional<plugins::PluginLibrary> library;
  const onestop_plugin_api* raw = nullptr;  // as the entry point returned it
  onestop_plugin_api table{};               // the part struct_size covers, rest zero
  std::optional<onestop_reader_api> reader;
  std::optional<onestop_scanner_api> scanner;
  std::optional<onestop_printer_api> printer;
  void* instance = nullptr;
  bool initialised = false;
  std::vector<onestop_device_info> devices;

  [[nodiscard]] std::vector<const onestop_device_info*> devicesOf(onestop_device_kind kind) const {
    std::vector<const onestop_device_info*> out;
    for (const auto& d : devices) {
      if (d.kind == static_cast<std::uint32_t>(kind)) out.push_back(&d);
    }
    return out;
  }
};

// A device id no plugin has.
inline constexpr const char* kUnknownDevice = "onestop-check-no-such-device";

// One file per ABI area; each returns false when later areas cannot run.
bool checkManifest(CheckContext& c);   // manifest_checks.cpp
bool checkTables(CheckContext& c);     // table_checks.cpp
bool checkInit(CheckContext& c);       // lifecycle_checks.cpp
void checkEnumerate(CheckContext& c);  // lifecycle_checks.cpp
void checkControl(CheckContext& c);    // lifecycle_checks.cpp
void checkShutdown(CheckContext& c);   // lifecycle_checks.cpp
void checkReaders(CheckContext& c);    // reader_checks.cpp
void checkScanners(CheckContext& c);   // scanner_checks.cpp
void checkPrinters(CheckContext& c);   // printer_checks.cpp
void checkEvents(CheckContext& c);     // event_checks.cpp

}  // namespace onestop::conformance
