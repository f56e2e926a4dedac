#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/imaging/page_image.hpp"
#include "raster.hpp"

namespace onestop::imaging {

// Decodes a JPEG (libjpeg-turbo) to a gray or RGB Raster. The frame header's dimensions are
// checked against `limits` before the decoder allocates anything for the pixels. Every libjpeg
// error and warning (a truncated file is only a warning to libjpeg, which would pad the image
// with grey) is Reason::ImageInvalid ("JPEG: …"); libjpeg never exits and never prints.
// `gray` asks libjpeg for the luma channel only (no colour conversion or chroma upsampling).
Result<Raster> decodeJpeg(std::span<const std::uint8_t> jpeg, const PageLimits& limits,
                          bool gray = false);

// A gray (1 channel) or RGB (3 channels) raster as a baseline JPEG of the given quality (1–100).
// Other channel counts, or a libjpeg failure: Reason::Internal.
Result<std::vector<std::uint8_t>> encodeJpeg(const Raster& raster, int quality);

}  // namespace onestop::imaging
