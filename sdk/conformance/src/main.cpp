// onestop-plugin-check: loads one device plugin and exercises its ABI, one area after another,
// printing a PASS/FAIL/SKIP line per check. Exit code 0 when it conforms, 1 when a check failed,
// 2 for a usage error.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "check_context.hpp"

namespace {

void usage() {
  std::fprintf(stderr,
               "usage: onestop-plugin-check [--config JSON] [--scan] [--print] PLUGIN_FOLDER\n"
               "       onestop-plugin-check [options] LIBRARY MANIFEST_JSON\n"
               "  --config JSON  the config text passed to init (default {})\n"
               "  --scan         run a one-page scan job and a cancelled job on each scanner\n"
               "  --print        submit a one-page test PDF to each printer\n");
}

bool parse(int argc, char** argv, onestop::conformance::CheckOptions& options) {
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--scan") {
      options.scan = true;
    } else if (arg == "--print") {
      options.print = true;
    } else if (arg == "--config" && i + 1 < argc) {
      options.config = argv[++i];
    } else if (arg == "-h" || arg == "--help" || arg.starts_with("--")) {
      return false;
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() == 1) {
    options.manifestFile = std::filesystem::path(positional[0]) / "manifest.json";
    return true;
  }
  if (positional.size() == 2) {
    options.library = positional[0];
    options.manifestFile = positional[1];
    return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace onestop::conformance;
  CheckContext c;
  if (!parse(argc, argv, c.options)) {
    usage();
    return 2;
  }
  const bool loaded = checkManifest(c) && checkTables(c);
  if (loaded && checkInit(c)) {
    checkEnumerate(c);
    checkReaders(c);
    checkScanners(c);
    checkPrinters(c);
    checkControl(c);
    checkShutdown(c);
    checkEvents(c);
  }
  if (c.library) c.library->unload();
  c.report.summary();
  return c.report.failed() == 0 ? 0 : 1;
}
