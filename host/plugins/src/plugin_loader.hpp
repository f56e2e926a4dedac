#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <variant>

#include "event_router.hpp"
#include "loaded_plugin.hpp"
#include "onestop/plugins/load_failure.hpp"
#include "onestop/plugins/log.hpp"
#include "onestop/plugins/manifest.hpp"

namespace onestop::plugins {

struct LoadRequest {
  std::filesystem::path folder;
  Manifest manifest;
  std::string config;  // effective config JSON
  LogFunction log;
  EventRouter* router = nullptr;
};

struct LoadSuccess {
  std::shared_ptr<LoadedPlugin> plugin;
};

struct LoadRefused {
  LoadFailure failure;
  std::string abi;  // "major.minor" from the plugin table when it was read, else empty
};

// Loads the library, finds onestop_plugin_entry, calls it, checks the tables and calls init.
// Every failure is a LoadRefused with its reason; nothing escapes as an exception.
std::variant<LoadSuccess, LoadRefused> loadPlugin(const LoadRequest& request);

}  // namespace onestop::plugins
