#pragma once

#include "raster.hpp"

namespace onestop::imaging {

// A smaller copy of a 1- or 3-channel raster, each output pixel the mean of the source pixels
// its area covers (integer cell borders). Area averaging keeps thin text strokes as grey instead
// of dropping them as nearest-neighbour sampling would. Sizes are clamped to 1 … the source's.
Raster downscaleByArea(const Raster& source, int width, int height);

// The luma of an RGB raster (BT.601 weights, as ZXing uses); a gray raster is returned as is.
Raster toGray(const Raster& source);

}  // namespace onestop::imaging
