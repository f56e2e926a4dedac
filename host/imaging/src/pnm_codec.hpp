#pragma once

#include <cstdint>
#include <span>

#include "onestop/common/result.hpp"
#include "onestop/imaging/page_image.hpp"
#include "raster.hpp"

namespace onestop::imaging {

// True when the bytes start like a binary PNM (P4 bitmap, P5 graymap, P6 pixmap): what
// scanimage and the SANE plugin write.
bool looksLikePnm(std::span<const std::uint8_t> bytes);

// Decodes binary PNM: P4 (1 bit, 1 = black) and P5 to a gray Raster, P6 to RGB. Maxval 1–65535,
// rescaled to 8 bits. The header's dimensions are checked against `limits` before any pixel
// buffer is allocated. Anything malformed or truncated: Reason::ImageInvalid ("PNM: …").
Result<Raster> decodePnm(std::span<const std::uint8_t> pnm, const PageLimits& limits);

}  // namespace onestop::imaging
