#pragma once

#include <cstdint>
#include <span>

#include "onestop/common/result.hpp"
#include "raster.hpp"

namespace onestop::imaging {

// The frame size of a JPEG (ITU-T T.81) from its first SOFn marker, found by walking the marker
// segments after SOI; nothing is decoded. No SOI, a truncated or malformed segment, scan data
// before any frame header, or a zero dimension (height defined later by DNL) is
// Reason::ValidationFailed ("JPEG: …").
Result<Dimensions> readJpegDimensions(std::span<const std::uint8_t> jpeg);

}  // namespace onestop::imaging
