#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/imaging/image_format.hpp"

namespace onestop::imaging {

// An image every browser can show: "image/jpeg" or "image/png".
struct BrowserImage {
  std::string mime;
  std::vector<std::uint8_t> data;
  int width = 0;
  int height = 0;
  ImageFormat source = ImageFormat::Unknown;  // what the input was
};

// What the input may be. A card face image is about 480 × 640 and 10–30 kB; the defaults leave
// room for any real one while bounding the memory a hostile chip can make the decoder use.
struct ImageLimits {
  int maxWidth = 4096;
  int maxHeight = 4096;
  std::size_t maxBytes = std::size_t{4} << 20;  // of the encoded input
};

// JPEG and PNG: the header is checked (dimensions read and within the limits) and the bytes are
// passed through unchanged.
// JPEG 2000 (JP2 file or raw codestream): decoded with OpenJPEG (1 to 4 components, any
// precision from 1 to 16 bits scaled to 8, subsampled components upsampled, sYCC converted to
// RGB) and encoded as PNG.
// Anything empty, malformed, truncated, too large or unsupported is Reason::ValidationFailed with
// an English detail naming the format ("JPEG 2000: …"). Nothing is ever written to stderr.
Result<BrowserImage> toBrowserImage(std::span<const std::uint8_t> encoded,
                                    const ImageLimits& limits = {});

}  // namespace onestop::imaging
