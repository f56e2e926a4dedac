#include "plugin_location.hpp"

#include <dlfcn.h>

namespace onestop::simulator {
namespace {

const char kAnchor = 0;  // any object inside this library

}  // namespace

std::filesystem::path pluginFolder() {
  Dl_info info{};
  if (dladdr(&kAnchor, &info) == 0 || info.dli_fname == nullptr) return {};
  std::error_code ec;
  auto file = std::filesystem::weakly_canonical(info.dli_fname, ec);
  if (ec) file = info.dli_fname;
  return file.parent_path();
}

}  // namespace onestop::simulator
