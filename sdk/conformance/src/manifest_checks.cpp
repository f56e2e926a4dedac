// Area "manifest": manifest.json is valid and names a library that is there.
#include <fstream>
#include <sstream>

#include "check_context.hpp"

namespace onestop::conformance {

bool checkManifest(CheckContext& c) {
  const std::string area = "manifest";
  std::ifstream in(c.options.manifestFile, std::ios::binary);
  if (!c.report.expect(static_cast<bool>(in), area, "manifest.json is readable",
                       c.options.manifestFile.string())) {
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto manifest = plugins::parseManifest(text.str());
  if (!c.report.expect(manifest.ok(), area, "manifest.json is valid",
                       manifest.ok() ? "" : manifest.error().detail())) {
    return false;
  }
  c.manifest = *manifest;
  c.report.pass(area, "id \"" + c.manifest.id + "\", version " + c.manifest.version + ", vendor " +
                          c.manifest.vendor);
  c.report.expect(c.manifest.abiMajor == ONESTOP_ABI_MAJOR, area,
                  "declares ABI major " + std::to_string(ONESTOP_ABI_MAJOR),
                  "declares " + std::to_string(c.manifest.abiMajor) + "." +
                      std::to_string(c.manifest.abiMinor));
  c.report.expect(
      c.manifest.abiMinor <= ONESTOP_ABI_MINOR, area,
      "declares a minor this checker knows (<= " + std::to_string(ONESTOP_ABI_MINOR) + ")",
      "declares minor " + std::to_string(c.manifest.abiMinor) + "; newer fields are not checked");
  if (c.options.library.empty()) {
    c.options.library = c.options.manifestFile.parent_path() / c.manifest.library;
  }
  std::error_code ec;
  return c.report.expect(std::filesystem::is_regular_file(c.options.library, ec), area,
                         "library " + c.options.library.filename().string() + " exists",
                         c.options.library.string());
}

}  // namespace onestop::conformance
