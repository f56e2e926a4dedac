#pragma once

#include <memory>
#include <mutex>
#include <string>

namespace onestop::plugins {

class LoadedPlugin;  // internal: a loaded, initialised plugin (src/loaded_plugin.hpp)

// The way to one device: its plugin, its ids and the mutex that serializes every call into it.
// Handed out by PluginHost; the device classes (Reader, Scanner, Printer …) hold one each.
struct DeviceChannel {
  std::shared_ptr<LoadedPlugin> plugin;
  std::string deviceId;  // global "<pluginId>/<localId>", for messages
  std::string localId;   // what the plugin calls it
  std::shared_ptr<std::mutex> mutex;
};

}  // namespace onestop::plugins
