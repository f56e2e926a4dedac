#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/imaging/page_image.hpp"
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

// As above with an explicit zlib level (0–9) and no row filter search: a 300 dpi A4 scan is
// 26 Mpixel, and level 3 without adaptive filtering encodes it several times faster than the
// default for files only slightly larger. libpng's errors are caught (setjmp) and warnings
// dropped: Reason::Internal, never a print.
Result<std::vector<std::uint8_t>> encodePngFast(const Raster& raster, int zlibLevel);

// Decodes any PNG (palette, 16-bit, alpha, interlaced) to 8-bit gray or RGB (gray when the file
// has no colour or `gray` is asked), alpha composited on white, as a scanned page is shown. IHDR's
// dimensions are checked against `limits` before the pixel buffer is allocated. Malformed or
// truncated: Reason::ImageInvalid ("PNG: …").
Result<Raster> decodePng(std::span<const std::uint8_t> png, const PageLimits& limits,
                         bool gray = false);

}  // namespace onestop::imaging
