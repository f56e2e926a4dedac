#pragma once

#include <filesystem>

namespace onestop {

// Files the daemon publishes in its runtime dir for local clients (onestopctl, tests).
inline constexpr const char* kPortFileName = "port";    // decimal TCP port, written once bound
inline constexpr const char* kTokenFileName = "token";  // bearer token, mode 0600
inline constexpr const char* kPidFileName = "onestopd.pid";

// /run/onestop for root (the service), else $XDG_RUNTIME_DIR/onestop, else /tmp/onestop-<uid>.
std::filesystem::path defaultRuntimeDir();
// Where persistent state (the audit database) lives: /var/lib/onestop for root, else
// $XDG_STATE_HOME/onestop or ~/.local/state/onestop.
std::filesystem::path defaultStateDir();

}  // namespace onestop
