#pragma once

#include <filesystem>
#include <memory>

#include "onestop/common/result.hpp"
#include "onestop/plugin.h"

namespace onestop::plugins {

// A device plugin's shared library, loaded through Boost.DLL (RTLD_NOW | RTLD_LOCAL).
class PluginLibrary {
 public:
  // Reason::PluginFailed with the loader's message when the file cannot be loaded.
  static Result<PluginLibrary> open(const std::filesystem::path& file);

  PluginLibrary(PluginLibrary&& other) noexcept;
  PluginLibrary& operator=(PluginLibrary&& other) noexcept;
  PluginLibrary(const PluginLibrary&) = delete;
  PluginLibrary& operator=(const PluginLibrary&) = delete;
  ~PluginLibrary();

  // The exported onestop_plugin_entry, or nullptr when the library has none.
  [[nodiscard]] onestop_plugin_entry_fn entry() const;
  [[nodiscard]] bool loaded() const;
  // Unloads now; nothing from the library may be called afterwards.
  void unload() noexcept;

 private:
  struct Impl;
  explicit PluginLibrary(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace onestop::plugins
