#pragma once

#include <filesystem>

namespace onestop::simulator {

// The folder this plugin's shared library was loaded from (where manifest.json and data/ are).
// Empty when it cannot be found out.
std::filesystem::path pluginFolder();

}  // namespace onestop::simulator
