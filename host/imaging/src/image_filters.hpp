#pragma once

#include "raster.hpp"

namespace onestop::imaging {

// Filters the barcode reader's fallback passes use on a gray (1-channel) raster. Each returns a
// new raster of the same size; borders replicate the edge pixels.

// 3×3 median: removes salt-and-pepper specks (dust, scanner noise) that break a QR's finder
// patterns while keeping module edges sharp.
Raster median3x3(const Raster& gray);

// Twice the size by bilinear interpolation: gives the detector more than ~3 px per module on a
// dense QR scanned at 300 dpi.
Raster upscale2x(const Raster& gray);

// Stretches the gray levels in place so the 0.5th–99.5th percentiles span 0–255: grey print on
// grey paper then has the contrast ZXing's local binarizer expects (it takes a block with less
// than 24 levels of range for flat background). Flat images are left alone.
void stretchContrast(Raster& gray);

}  // namespace onestop::imaging
