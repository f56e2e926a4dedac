#include "onestop/ctl/procedure_command.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "onestop/procedures/procedure_tools.hpp"

namespace onestop::ctl {
namespace {

namespace fs = std::filesystem;

constexpr int kUsageError = 64;
constexpr int kConfigError = 78;

constexpr const char* kUsage =
    "usage: onestopctl procedure test <dir> [--today yyyy-mm-dd] [--config-dir DIR]\n"
    "       onestopctl procedure check <dir> [--config-dir DIR]\n"
    "DIR holds admin-units/ and holidays.json (default: $ONESTOP_CONFIG_DIR, then\n"
    "<prefix>/share/onestop next to the binary, where onestopd reads them too, then the\n"
    "source tree's config/).\n";

bool configDirUsable(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "holidays.json", ec) &&
         fs::is_regular_file(dir / "admin-units" / "provinces.json", ec);
}

fs::path executableDir() {
  std::error_code ec;
  const auto self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : self.parent_path();
}

// The first usable of: --config-dir, $ONESTOP_CONFIG_DIR, the installed copy, the source tree.
fs::path findConfigDir(const std::string& given) {
  if (!given.empty()) return given;
  if (const char* env = std::getenv("ONESTOP_CONFIG_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  const auto installed = executableDir() / ".." / "share" / "onestop";
  if (configDirUsable(installed)) return installed;
#ifdef ONESTOP_SOURCE_CONFIG_DIR
  return ONESTOP_SOURCE_CONFIG_DIR;
#else
  return installed;
#endif
}

bool isoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

}  // namespace

int runProcedureCommand(const std::vector<std::string>& args) {
  if (args.size() < 2 || (args[0] != "test" && args[0] != "check")) {
    std::cerr << kUsage;
    return kUsageError;
  }
  const bool test = args[0] == "test";
  fs::path folder;
  std::string today = "2026-11-23";
  std::string configDir;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--today" && i + 1 < args.size() && test) {
      today = args[++i];
      if (!isoDate(today)) {
        std::cerr << "onestopctl: --today needs yyyy-mm-dd\n";
        return kUsageError;
      }
    } else if (args[i] == "--config-dir" && i + 1 < args.size()) {
      configDir = args[++i];
    } else if (folder.empty() && args[i].rfind("--", 0) != 0) {
      folder = args[i];
    } else {
      std::cerr << kUsage;
      return kUsageError;
    }
  }
  std::error_code ec;
  if (folder.empty() || !fs::is_directory(folder, ec)) {
    std::cerr << "onestopctl: not a procedure folder: " << folder.string() << '\n';
    return kUsageError;
  }
  folder = fs::weakly_canonical(folder, ec);
  const auto config = findConfigDir(configDir);
  const procedures::HostDataPaths hostData{config / "admin-units", config / "holidays.json"};

  if (test) {
    procedures::TestRunOptions options;
    options.today = today;
    options.hostData = hostData;
    auto summary = procedures::runProcedureTests(folder, options, std::cout);
    if (!summary) {
      std::cerr << "onestopctl: host data: " << summary.error().detail() << '\n';
      return kConfigError;
    }
    return summary->exitCode();
  }
  auto problems = procedures::checkProcedure(folder, hostData);
  if (!problems) {
    std::cerr << "onestopctl: host data: " << problems.error().detail() << '\n';
    return kConfigError;
  }
  for (const auto& p : *problems) std::cout << p.reason << ": " << p.detail << '\n';
  if (problems->empty()) std::cout << folder.filename().string() << ": no problems\n";
  return problems->empty() ? 0 : 1;
}

}  // namespace onestop::ctl
