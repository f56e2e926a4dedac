#pragma once

#include <cstdint>
#include <vector>

namespace onestop::imaging::testing {

using Bytes = std::vector<std::uint8_t>;

// The gray level the sample pages have at (x, y): a diagonal gradient with a black frame, so a
// wrong row order, a transposition or a shifted channel shows in the pixels.
std::uint8_t samplePageLevel(int x, int y, int width, int height);

// A binary PNM page as the SANE plugin delivers it: P5 (gray) or P6 (colour: red = the level,
// green = 255 − level, blue = 128), maxval 255.
Bytes samplePnm(char kind, int width, int height);

// A P4 bitmap: black where samplePageLevel is below 128.
Bytes sampleBitmap(int width, int height);

// The same page encoded as PNG or JPEG by the code under test (from the P6 sample).
Bytes samplePng(int width, int height);
Bytes sampleJpeg(int width, int height, int quality = 90);

}  // namespace onestop::imaging::testing
