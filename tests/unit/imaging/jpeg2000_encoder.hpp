#pragma once

// Test support: JPEG 2000 images made with OpenJPEG's encoder, in memory, so no image file is
// committed and every test states the pixels it expects.

#include <cstdint>
#include <functional>
#include <vector>

namespace onestop::imaging::testing {

enum class Container { Jp2, Codestream };
enum class ColourSpace { Unspecified, Srgb, Gray, Sycc };

struct Jpeg2000Spec {
  int width = 16;
  int height = 12;
  int components = 1;
  int precision = 8;
  bool isSigned = false;
  // Subsampling of the components after the first (4:2:0 chroma is 2 × 2).
  int chromaStepX = 1;
  int chromaStepY = 1;
  Container container = Container::Jp2;
  ColourSpace colourSpace = ColourSpace::Gray;
  bool lossless = true;
  // Sample of `component` at (x, y) in that component's own (possibly subsampled) grid.
  std::function<int(int component, int x, int y)> sample = [](int, int x, int y) {
    return (x * 7 + y * 3) & 0xFF;
  };
};

// Encoded bytes; empty when OpenJPEG refused the spec (a bug in the test).
std::vector<std::uint8_t> encodeJpeg2000(const Jpeg2000Spec& spec);

}  // namespace onestop::imaging::testing
