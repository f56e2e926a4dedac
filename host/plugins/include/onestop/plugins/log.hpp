#pragma once

#include <functional>
#include <string>

namespace onestop::plugins {

enum class LogLevel { Debug, Info, Warning, Error };

// The daemon's logger as the plugin host sees it. Called from any thread, also from plugin threads.
// Messages never carry citizen data: the host logs ids, statuses and reasons only, and a plugin's
// own log lines are passed on prefixed with its id.
using LogFunction = std::function<void(LogLevel level, std::string message)>;

}  // namespace onestop::plugins
