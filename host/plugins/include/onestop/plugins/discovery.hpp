#pragma once

#include <filesystem>
#include <vector>

#include "onestop/plugins/log.hpp"

namespace onestop::plugins {

// The plugin folders under the given roots, in a stable order: roots in the order given; a root
// that itself holds a manifest.json is one plugin folder; otherwise its subfolders that hold a
// manifest.json, sorted by name. Missing or unreadable roots are logged and skipped.
std::vector<std::filesystem::path> discoverPluginFolders(
    const std::vector<std::filesystem::path>& roots, const LogFunction& log = {});

}  // namespace onestop::plugins
