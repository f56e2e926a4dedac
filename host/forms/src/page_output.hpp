#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "display_list.hpp"
#include "onestop/common/result.hpp"

namespace onestop::forms {

inline constexpr double kA4WidthPt = 595.2756;   // 210 mm
inline constexpr double kA4HeightPt = 841.8898;  // 297 mm

// A PDF of the pages, in order, all A4. The document's title is `title` (the form ids: a PDF's
// metadata must not carry citizen data); cairo embeds subsets of the fonts used.
Result<std::vector<std::uint8_t>> writePdf(const std::vector<const PageDrawing*>& pages,
                                           const std::string& title);

// A PNG of one A4 page at `dpi`, on white.
Result<std::vector<std::uint8_t>> writePng(const PageDrawing& page, int dpi);

}  // namespace onestop::forms
