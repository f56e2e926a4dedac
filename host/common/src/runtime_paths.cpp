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

}  // namespace onestop
