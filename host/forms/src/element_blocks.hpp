#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "data_binding.hpp"
#include "display_list.hpp"
#include "form_template.hpp"

namespace onestop::forms {

inline constexpr double kPointsPerMm = 72.0 / 25.4;
inline double mmToPt(double mm) {
  return mm * kPointsPerMm;
}

// The units the flow may place on different pages for one element other than `columns`: one
// block for most kinds, a block per row for tables (with the header to repeat) and lists.
// `widthPt` is the element's own width; its ops start at x = 0.
Result<std::vector<Block>> leafBlocks(const Element& element, const DataView& view, double widthPt);

// The characters of an ID number, one per box: spaces are ignored; anything but digits, or more
// digits than boxes, is ValidationFailed naming `path`. Fewer digits leave the last boxes empty.
Result<std::vector<std::string>> digitCells(std::string_view value, int count,
                                            const std::string& path);

}  // namespace onestop::forms
