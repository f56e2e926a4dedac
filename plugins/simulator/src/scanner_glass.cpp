#include "scanner_glass.hpp"

#include <algorithm>
#include <charconv>
#include <string>
#include <system_error>

namespace onestop::simulator {
namespace {

constexpr std::string_view kPrefix = "glass-";
constexpr std::string_view kSuffix = "dpi.png";

bool plainName(std::string_view name) {
  return !name.empty() && name.find('/') == std::string_view::npos &&
         name.find('\\') == std::string_view::npos && name != "." && name != "..";
}

// 300 for "glass-300dpi.png"; 0 for any other name.
std::uint32_t dpiFromName(std::string_view name) {
  if (!name.starts_with(kPrefix) || !name.ends_with(kSuffix)) return 0;
  const std::string_view digits =
      name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
  std::uint32_t dpi = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), dpi);
  if (error != std::errc() || end != digits.data() + digits.size()) return 0;
  return dpi;
}

}  // namespace

std::vector<GlassScan> listGlassScans(const std::filesystem::path& cardsFolder,
                                      std::string_view card) {
  std::vector<GlassScan> scans;
  if (cardsFolder.empty() || !plainName(card)) return scans;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(cardsFolder / card, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code typeEc;
    if (!it->is_regular_file(typeEc)) continue;
    if (const auto dpi = dpiFromName(it->path().filename().string()); dpi != 0) {
      scans.push_back({it->path(), dpi});
    }
  }
  std::sort(scans.begin(), scans.end(),
            [](const GlassScan& a, const GlassScan& b) { return a.dpi < b.dpi; });
  return scans;
}

const GlassScan& nearestGlassScan(const std::vector<GlassScan>& scans, std::uint32_t requestedDpi) {
  const auto distance = [requestedDpi](const GlassScan& scan) {
    return scan.dpi > requestedDpi ? scan.dpi - requestedDpi : requestedDpi - scan.dpi;
  };
  const GlassScan* best = &scans.front();
  for (const auto& scan : scans) {
    if (distance(scan) <= distance(*best)) best = &scan;  // ascending: ties go to the higher dpi
  }
  return *best;
}

}  // namespace onestop::simulator
