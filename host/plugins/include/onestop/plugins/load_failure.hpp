#pragma once

#include <string>
#include <string_view>

namespace onestop::plugins {

// Why the host refused a plugin; the names are the machine-readable PluginReport::reason values.
enum class LoadRefusal {
  BadManifest,    // BAD_MANIFEST: manifest.json missing fields, malformed, or unreadable
  LoadFailed,     // LOAD_FAILED: the library could not be loaded (missing file, bad ELF, deps)
  MissingSymbol,  // MISSING_SYMBOL: no onestop_plugin_entry
  AbiMismatch,    // ABI_MISMATCH: other major, table too short, required function NULL
  EntryFailed,    // ENTRY_FAILED: the entry point returned NULL or threw
  InitFailed,     // INIT_FAILED: init returned an error or threw, or the config is not an object
  DuplicateId,    // DUPLICATE_ID: an earlier folder already declared this id
  IdMismatch,     // ID_MISMATCH: the table's id differs from the manifest's
  Disabled,       // DISABLED: turned off by the daemon's enable/disable lists
};

std::string_view loadRefusalName(LoadRefusal refusal);

struct LoadFailure {
  LoadRefusal refusal = LoadRefusal::LoadFailed;
  std::string detail;  // developer detail, English
};

}  // namespace onestop::plugins
