#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "onestop/common/result.hpp"
#include "raster.hpp"

namespace onestop::imaging {

// Width and height from the IHDR chunk that must follow the PNG signature; nothing is decoded.
// A missing signature or IHDR, or a zero or out-of-range dimension, is Reason::ValidationFailed
// ("PNG: …").
Result<Dimensions> readPngDimensions(std::span<const std::uint8_t> png);

// The raster as an 8-bit PNG (gray, gray + alpha, RGB or RGBA by its channel count), encoded in
// memory with libpng's simplified API, whose errors are caught with setjmp inside libpng and
// reported here as Reason::Internal.
Result<std::vector<std::uint8_t>> encodePng(const Raster& raster);

}  // namespace onestop::imaging
