// What a SANE device can do, in the ABI's terms: which vendor spelling of the scan mode and source
// options stands for colour / gray / lineart and flatbed / ADF, the resolutions, and the scan area.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/plugin.h"
#include "sane_options.hpp"

namespace onestop::sane {

enum class ModeKind { Color, Gray, Lineart, Other };
enum class SourceKind { Flatbed, Adf, AdfBackOrDuplex, Other };

// "Color", "Colour", "24bit Color", "RGB" → Color; "Gray", "Grey", "Grayscale", "True Gray" →
// Gray; "Lineart", "Line Art", "Binary", "Black & White", "Black and White", "BW", "Monochrome" →
// Lineart; "Halftone" and anything else → Other.
ModeKind classifyMode(std::string_view spelling);
// "Flatbed", "FlatBed", "Platen", "Document Table", "Normal" → Flatbed; "Automatic Document
// Feeder", "ADF", "ADF Front", "ADF Simplex", "Document Feeder" → Adf; "ADF Back", "ADF Duplex",
// "ADF Rear" → AdfBackOrDuplex (used only when there is no front-only feeder); film, transparency
// and the rest → Other.
SourceKind classifySource(std::string_view spelling);

// The device's own spellings for the ABI's choices; unset when the device has no such choice.
struct DeviceChoices {
  std::optional<std::string> colorMode, grayMode, lineartMode;
  // No lineart mode, but the gray mode scans at depth 1 (the test backend, some older backends).
  bool lineartByDepth = false;
  bool hasSourceOption = false;
  std::optional<std::string> flatbedSource, adfSource;
};
DeviceChoices choicesFrom(const std::vector<std::string>& modes,
                          const std::vector<std::string>& sources, bool depthOneAllowed);
DeviceChoices readChoices(const SaneOptions& options);

// The scan area's limits in the geometry options' own unit (mm, or pixels at the current
// resolution), read from the ranges of tl-x/tl-y/br-x/br-y.
struct AreaLimits {
  double xMin = 0, xMax = 0, yMin = 0, yMax = 0;
  bool pixels = false;  // SANE_UNIT_PIXEL rather than SANE_UNIT_MM
};
std::optional<AreaLimits> readAreaLimits(const SaneOptions& options);
// Millimetres per geometry unit: 1 for mm, 25.4 / dpi for pixels.
double mmPerUnit(const AreaLimits& limits, double dpi);

// The resolutions to offer (at most 16): a word list as is (the common values first when longer),
// a range as resolutionsFromRange.
std::vector<std::uint32_t> readResolutions(const SaneOptions& options);

// Everything together for scanner.capabilities.
onestop_scanner_caps readCapabilities(SANE_Handle handle);

}  // namespace onestop::sane
