#pragma once

#include <cstdint>
#include <vector>

#include "onestop/common/result.hpp"

struct opj_image;

namespace onestop::imaging {

// Width and height read from an image header.
struct Dimensions {
  int width = 0;
  int height = 0;
};

// 8-bit samples, interleaved, rows top to bottom: 1 channel gray, 2 gray + alpha, 3 RGB,
// 4 RGBA.
struct Raster {
  int width = 0;
  int height = 0;
  int channels = 0;
  std::vector<std::uint8_t> pixels;  // width × height × channels
};

// A decoded OpenJPEG image as a Raster: every component scaled to 8 bits (precision 1–16,
// signed or not), subsampled components upsampled to the image grid, sYCC converted to RGB.
// 1 to 4 components; CMYK, e-YCC and components without data are Reason::ValidationFailed
// ("JPEG 2000: …").
Result<Raster> rasterFromOpenJpeg(const opj_image& image);

}  // namespace onestop::imaging
