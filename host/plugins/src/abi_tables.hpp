#pragma once

#include <optional>
#include <variant>

#include "onestop/plugin.h"
#include "onestop/plugins/load_failure.hpp"
#include "onestop/plugins/manifest.hpp"

namespace onestop::plugins {

// The plugin's tables as the host may use them: copied out of the library, with every field the
// producer's struct_size does not cover zeroed (so "absent" and "NULL" read the same), and the
// nested table pointers cleared (use the copies below instead).
struct PluginTables {
  onestop_plugin_api plugin{};
  std::optional<onestop_reader_api> reader;
  std::optional<onestop_scanner_api> scanner;
  std::optional<onestop_printer_api> printer;
};

// Checks a table returned by onestop_plugin_entry against the ABI rules and the manifest:
// ABI_MISMATCH for another major, a table shorter than the required fields, a NULL required
// function or a missing table for a declared kind; ID_MISMATCH when the ids differ.
std::variant<PluginTables, LoadFailure> checkPluginTables(const onestop_plugin_api* table,
                                                          const Manifest& manifest);

}  // namespace onestop::plugins
