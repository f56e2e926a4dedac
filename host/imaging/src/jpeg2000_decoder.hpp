#pragma once

#include <cstdint>
#include <span>

#include "onestop/common/result.hpp"
#include "onestop/imaging/browser_image.hpp"
#include "raster.hpp"

namespace onestop::imaging {

// Decodes a JP2 file or a raw JPEG 2000 codestream held in memory with OpenJPEG. The header is
// read first and an image larger than `limits` is refused before any pixel is decoded. OpenJPEG's
// messages are captured (the first error becomes the detail), never printed. Truncated streams
// fail (strict mode) instead of giving a partly grey face.
Result<Raster> decodeJpeg2000(std::span<const std::uint8_t> encoded, const ImageLimits& limits);

}  // namespace onestop::imaging
