#include "sane_capabilities.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace onestop::sane {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool has(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// The first spelling of that kind, an exact standard spelling (SANE_VALUE_SCAN_MODE_*) first.
template <typename Kind, typename Classify>
std::optional<std::string> pick(const std::vector<std::string>& list, Kind kind, Classify classify,
                                std::string_view standard) {
  for (const auto& s : list) {
    if (s == standard) return s;
  }
  for (const auto& s : list) {
    if (classify(s) == kind) return s;
  }
  return std::nullopt;
}

double rangeEnd(const SaneOptions& options, const char* name, bool wantMax, bool& pixels) {
  const auto f = options.find(name);
  if (!f) return -1;
  pixels = f->descriptor->unit == SANE_UNIT_PIXEL;
  if (const auto r = rangeOf(*f->descriptor)) return wantMax ? r->max : r->min;
  if (const auto list = wordListValues(*f->descriptor); list && !list->empty()) {
    return wantMax ? *std::max_element(list->begin(), list->end())
                   : *std::min_element(list->begin(), list->end());
  }
  return options.number(name).value_or(-1);
}

}  // namespace

ModeKind classifyMode(std::string_view spelling) {
  const std::string s = lower(spelling);
  if (has(s, "halftone") || has(s, "dither")) return ModeKind::Other;
  if (has(s, "lineart") || has(s, "line art") || has(s, "binary") || has(s, "black & white") ||
      has(s, "black and white") || s == "bw" || s == "b&w" || has(s, "monochrome")) {
    return ModeKind::Lineart;
  }
  if (has(s, "gray") || has(s, "grey")) return ModeKind::Gray;
  if (has(s, "color") || has(s, "colour") || has(s, "rgb")) return ModeKind::Color;
  return ModeKind::Other;
}

SourceKind classifySource(std::string_view spelling) {
  const std::string s = lower(spelling);
  if (has(s, "flatbed") || has(s, "platen") || has(s, "document table") || s == "normal") {
    return SourceKind::Flatbed;
  }
  if (has(s, "adf") || has(s, "feeder")) {
    if (has(s, "back") || has(s, "rear") || has(s, "duplex")) return SourceKind::AdfBackOrDuplex;
    return SourceKind::Adf;
  }
  return SourceKind::Other;
}

DeviceChoices choicesFrom(const std::vector<std::string>& modes,
                          const std::vector<std::string>& sources, bool depthOneAllowed) {
  DeviceChoices c;
  c.colorMode = pick(modes, ModeKind::Color, classifyMode, "Color");
  c.grayMode = pick(modes, ModeKind::Gray, classifyMode, "Gray");
  c.lineartMode = pick(modes, ModeKind::Lineart, classifyMode, "Lineart");
  c.lineartByDepth = !c.lineartMode && c.grayMode && depthOneAllowed;
  c.hasSourceOption = !sources.empty();
  c.flatbedSource = pick(sources, SourceKind::Flatbed, classifySource, "Flatbed");
  c.adfSource = pick(sources, SourceKind::Adf, classifySource, "Automatic Document Feeder");
  if (!c.adfSource) c.adfSource = pick(sources, SourceKind::AdfBackOrDuplex, classifySource, "");
  return c;
}

DeviceChoices readChoices(const SaneOptions& options) {
  bool depthOne = false;
  if (const auto f = options.find(SANE_NAME_BIT_DEPTH)) {
    if (const auto list = wordListValues(*f->descriptor)) {
      depthOne = std::find(list->begin(), list->end(), 1.0) != list->end();
    }
  }
  return choicesFrom(options.stringList(SANE_NAME_SCAN_MODE),
                     options.stringList(SANE_NAME_SCAN_SOURCE), depthOne);
}

std::optional<AreaLimits> readAreaLimits(const SaneOptions& options) {
  AreaLimits a;
  bool px = false;
  a.xMin = rangeEnd(options, SANE_NAME_SCAN_TL_X, false, px);
  a.yMin = rangeEnd(options, SANE_NAME_SCAN_TL_Y, false, px);
  a.xMax = rangeEnd(options, SANE_NAME_SCAN_BR_X, true, a.pixels);
  a.yMax = rangeEnd(options, SANE_NAME_SCAN_BR_Y, true, px);
  if (a.xMax <= 0 || a.yMax <= 0) return std::nullopt;
  a.xMin = std::max(0.0, a.xMin);
  a.yMin = std::max(0.0, a.yMin);
  return a;
}

double mmPerUnit(const AreaLimits& limits, double dpi) {
  return limits.pixels && dpi > 0 ? 25.4 / dpi : 1.0;
}

std::vector<std::uint32_t> readResolutions(const SaneOptions& options) {
  auto f = options.find(SANE_NAME_SCAN_RESOLUTION);
  if (!f) f = options.find(SANE_NAME_SCAN_X_RESOLUTION);
  if (!f) return {};
  std::vector<std::uint32_t> out;
  if (const auto list = wordListValues(*f->descriptor)) {
    for (double v : *list) {
      if (v >= 1) out.push_back(static_cast<std::uint32_t>(std::lround(v)));
    }
    if (out.size() > 16) {
      // Keep the common office resolutions, then fill up from the lowest.
      std::vector<std::uint32_t> kept;
      for (std::uint32_t common : {75u, 100u, 150u, 200u, 300u, 600u}) {
        if (std::find(out.begin(), out.end(), common) != out.end()) kept.push_back(common);
      }
      for (std::uint32_t v : out) {
        if (kept.size() >= 16) break;
        if (std::find(kept.begin(), kept.end(), v) == kept.end()) kept.push_back(v);
      }
      std::sort(kept.begin(), kept.end());
      out = kept;
    }
  } else if (const auto range = rangeOf(*f->descriptor)) {
    out = resolutionsFromRange(*range);
  } else if (const auto current = options.number(f->descriptor->name)) {
    out.push_back(static_cast<std::uint32_t>(std::lround(*current)));
  }
  return out;
}

onestop_scanner_caps readCapabilities(SANE_Handle handle) {
  const SaneOptions options(handle);
  onestop_scanner_caps caps{};
  caps.struct_size = sizeof caps;
  const DeviceChoices c = readChoices(options);
  if (c.colorMode) caps.modes |= ONESTOP_SCAN_MODE_COLOR;
  if (c.grayMode) caps.modes |= ONESTOP_SCAN_MODE_GRAY;
  if (c.lineartMode || c.lineartByDepth) caps.modes |= ONESTOP_SCAN_MODE_LINEART;
  if (caps.modes == 0) {
    // No mode option: the device scans one way only, which its parameters tell.
    SANE_Parameters p{};
    if (sane_get_parameters(handle, &p) == SANE_STATUS_GOOD) {
      caps.modes = p.format == SANE_FRAME_GRAY
                       ? (p.depth == 1 ? ONESTOP_SCAN_MODE_LINEART : ONESTOP_SCAN_MODE_GRAY)
                       : ONESTOP_SCAN_MODE_COLOR;
    }
  }
  if (!c.hasSourceOption || c.flatbedSource) caps.sources |= ONESTOP_SCAN_SOURCE_FLATBED;
  if (c.adfSource) caps.sources |= ONESTOP_SCAN_SOURCE_ADF;
  const auto resolutions = readResolutions(options);
  caps.resolution_count = static_cast<std::uint32_t>(std::min<std::size_t>(resolutions.size(), 16));
  std::copy_n(resolutions.begin(), caps.resolution_count, caps.resolutions);
  if (const auto area = readAreaLimits(options)) {
    const double dpi = options.number(SANE_NAME_SCAN_RESOLUTION).value_or(300);
    const double unit = mmPerUnit(*area, dpi);
    caps.max_width_um =
        static_cast<std::uint32_t>(std::lround((area->xMax - area->xMin) * unit * 1000));
    caps.max_height_um =
        static_cast<std::uint32_t>(std::lround((area->yMax - area->yMin) * unit * 1000));
  }
  return caps;
}

}  // namespace onestop::sane
