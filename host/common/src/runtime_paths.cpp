#include "onestop/common/runtime_paths.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>

namespace onestop {

std::filesystem::path defaultRuntimeDir() {
  if (geteuid() == 0) return "/run/onestop";
  if (const char* xdg = std::getenv("XDG_RUNTIME_DIR"); xdg != nullptr && *xdg != '\0') {
    return std::filesystem::path(xdg) / "onestop";
  }
  return std::filesystem::path("/tmp") / ("onestop-" + std::to_string(geteuid()));
}

std::filesystem::path defaultStateDir() {
  if (geteuid() == 0) return "/var/lib/onestop";
  if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::filesystem::path(xdg) / "onestop";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::filesystem::path(home) / ".local/state/onestop";
  }
  return std::filesystem::path("/tmp") / ("onestop-state-" + std::to_string(geteuid()));
}

}  // namespace onestop
