#include "onestop/plugins/discovery.hpp"

#include <algorithm>
#include <system_error>

#include "onestop/plugins/manifest.hpp"

namespace onestop::plugins {
namespace {

bool hasManifest(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(dir / kManifestFileName, ec);
}

void note(const LogFunction& log, LogLevel level, std::string message) {
  if (log) log(level, std::move(message));
}

}  // namespace

std::vector<std::filesystem::path> discoverPluginFolders(
    const std::vector<std::filesystem::path>& roots, const LogFunction& log) {
  std::vector<std::filesystem::path> folders;
  for (const auto& root : roots) {
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) {
      note(log, LogLevel::Warning, "plugin directory " + root.string() + " does not exist");
      continue;
    }
    if (hasManifest(root)) {
      folders.push_back(root);
      continue;
    }
    std::vector<std::filesystem::path> found;
    std::filesystem::directory_iterator it(root, ec);
    if (ec) {
      note(log, LogLevel::Warning, "cannot list " + root.string() + ": " + ec.message());
      continue;
    }
    for (const auto& entry : it) {
      std::error_code entryEc;
      if (!entry.is_directory(entryEc)) continue;
      if (hasManifest(entry.path())) {
        found.push_back(entry.path());
      } else {
        note(log, LogLevel::Debug, "skipping " + entry.path().string() + ": no manifest.json");
      }
    }
    std::sort(found.begin(), found.end());
    folders.insert(folders.end(), found.begin(), found.end());
  }
  return folders;
}

}  // namespace onestop::plugins
