#include "image_filters.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

namespace onestop::imaging {
namespace {

// The 3×3 neighbourhood of (x, y), edges replicated, in row order.
std::array<std::uint8_t, 9> neighbourhood(const Raster& gray, int x, int y) {
  std::array<std::uint8_t, 9> values{};
  std::size_t i = 0;
  for (int dy = -1; dy <= 1; ++dy) {
    const auto row = static_cast<std::size_t>(std::clamp(y + dy, 0, gray.height - 1));
    for (int dx = -1; dx <= 1; ++dx) {
      const auto column = static_cast<std::size_t>(std::clamp(x + dx, 0, gray.width - 1));
      values[i++] = gray.pixels[row * static_cast<std::size_t>(gray.width) + column];
    }
  }
  return values;
}

Raster sameShape(const Raster& gray) {
  Raster output;
  output.width = gray.width;
  output.height = gray.height;
  output.channels = 1;
  output.pixels.resize(gray.pixels.size());
  return output;
}

}  // namespace

Raster median3x3(const Raster& gray) {
  Raster output = sameShape(gray);
  // Paeth's 19-exchange median-of-9 network: branch-free, several times faster than sorting.
  const auto order = [](std::uint8_t& a, std::uint8_t& b) {
    const std::uint8_t low = std::min(a, b);
    b = std::max(a, b);
    a = low;
  };
  for (int y = 0; y < gray.height; ++y) {
    for (int x = 0; x < gray.width; ++x) {
      std::array<std::uint8_t, 9> p = neighbourhood(gray, x, y);
      order(p[1], p[2]);
      order(p[4], p[5]);
      order(p[7], p[8]);
      order(p[0], p[1]);
      order(p[3], p[4]);
      order(p[6], p[7]);
      order(p[1], p[2]);
      order(p[4], p[5]);
      order(p[7], p[8]);
      order(p[0], p[3]);
      order(p[5], p[8]);
      order(p[4], p[7]);
      order(p[3], p[6]);
      order(p[1], p[4]);
      order(p[2], p[5]);
      order(p[4], p[7]);
      order(p[4], p[2]);
      order(p[6], p[4]);
      order(p[4], p[2]);
      output.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(gray.width) +
                    static_cast<std::size_t>(x)] = p[4];
    }
  }
  return output;
}

void stretchContrast(Raster& gray) {
  std::array<std::size_t, 256> histogram{};
  for (const std::uint8_t value : gray.pixels) ++histogram[value];
  // The darkest and lightest 0.5 % are specks and glare, not ink and paper.
  const std::size_t tail = gray.pixels.size() / 200;
  int low = 0;
  for (std::size_t seen = 0;
       low < 255 && (seen += histogram[static_cast<std::size_t>(low)]) <= tail;)
    ++low;
  int high = 255;
  for (std::size_t seen = 0;
       high > 0 && (seen += histogram[static_cast<std::size_t>(high)]) <= tail;)
    --high;
  if (high - low < 8 || (low == 0 && high == 255)) return;  // flat, or already full range
  std::array<std::uint8_t, 256> map{};
  for (int v = 0; v < 256; ++v) {
    map[static_cast<std::size_t>(v)] =
        static_cast<std::uint8_t>(std::clamp((v - low) * 255 / (high - low), 0, 255));
  }
  for (std::uint8_t& value : gray.pixels) value = map[value];
}

Raster upscale2x(const Raster& gray) {
  Raster output;
  output.width = gray.width * 2;
  output.height = gray.height * 2;
  output.channels = 1;
  output.pixels.resize(static_cast<std::size_t>(output.width) *
                       static_cast<std::size_t>(output.height));
  const auto at = [&](int x, int y) {
    return static_cast<int>(
        gray.pixels[static_cast<std::size_t>(std::clamp(y, 0, gray.height - 1)) *
                        static_cast<std::size_t>(gray.width) +
                    static_cast<std::size_t>(std::clamp(x, 0, gray.width - 1))]);
  };
  // Output pixel centres sit at source coordinates (ox − 0.5) / 2: weights 3/4 and 1/4.
  for (int oy = 0; oy < output.height; ++oy) {
    const int y0 = (oy - 1) / 2 - (oy == 0 ? 1 : 0);
    const int wy1 = (oy % 2 == 0) ? 3 : 1;  // weight of row y0 + 1, out of 4
    for (int ox = 0; ox < output.width; ++ox) {
      const int x0 = (ox - 1) / 2 - (ox == 0 ? 1 : 0);
      const int wx1 = (ox % 2 == 0) ? 3 : 1;
      const int top = at(x0, y0) * (4 - wx1) + at(x0 + 1, y0) * wx1;
      const int bottom = at(x0, y0 + 1) * (4 - wx1) + at(x0 + 1, y0 + 1) * wx1;
      output.pixels[static_cast<std::size_t>(oy) * static_cast<std::size_t>(output.width) +
                    static_cast<std::size_t>(ox)] =
          static_cast<std::uint8_t>((top * (4 - wy1) + bottom * wy1 + 8) / 16);
    }
  }
  return output;
}

}  // namespace onestop::imaging
