#include "resample.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace onestop::imaging {
namespace {

// Cell borders along one axis: output cell i covers source [border[i], border[i + 1]).
std::vector<int> cellBorders(int sourceLength, int outputLength) {
  std::vector<int> borders(static_cast<std::size_t>(outputLength) + 1);
  for (int i = 0; i <= outputLength; ++i) {
    borders[static_cast<std::size_t>(i)] =
        static_cast<int>(static_cast<std::int64_t>(i) * sourceLength / outputLength);
  }
  return borders;
}

}  // namespace

Raster downscaleByArea(const Raster& source, int width, int height) {
  width = std::clamp(width, 1, source.width);
  height = std::clamp(height, 1, source.height);
  const auto channels = static_cast<std::size_t>(source.channels);
  const std::vector<int> columns = cellBorders(source.width, width);
  const std::vector<int> rows = cellBorders(source.height, height);

  Raster output;
  output.width = width;
  output.height = height;
  output.channels = source.channels;
  output.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
                       channels);
  // One output row at a time: sum the source rows of its cell column-wise, then each cell.
  std::vector<std::uint32_t> columnSums(static_cast<std::size_t>(source.width) * channels);
  const std::size_t sourceStride = static_cast<std::size_t>(source.width) * channels;
  for (int oy = 0; oy < height; ++oy) {
    std::fill(columnSums.begin(), columnSums.end(), 0U);
    const int y0 = rows[static_cast<std::size_t>(oy)];
    const int y1 = std::max(rows[static_cast<std::size_t>(oy) + 1], y0 + 1);
    for (int y = y0; y < y1; ++y) {
      const std::uint8_t* row = source.pixels.data() + static_cast<std::size_t>(y) * sourceStride;
      for (std::size_t i = 0; i < sourceStride; ++i) columnSums[i] += row[i];
    }
    std::uint8_t* out = output.pixels.data() +
                        static_cast<std::size_t>(oy) * static_cast<std::size_t>(width) * channels;
    for (int ox = 0; ox < width; ++ox) {
      const int x0 = columns[static_cast<std::size_t>(ox)];
      const int x1 = std::max(columns[static_cast<std::size_t>(ox) + 1], x0 + 1);
      // 64 bits: a cell may cover a whole A3 page when the output is tiny.
      const auto area = static_cast<std::uint64_t>(x1 - x0) * static_cast<std::uint64_t>(y1 - y0);
      for (std::size_t c = 0; c < channels; ++c) {
        std::uint64_t sum = 0;
        for (int x = x0; x < x1; ++x) sum += columnSums[static_cast<std::size_t>(x) * channels + c];
        out[static_cast<std::size_t>(ox) * channels + c] =
            static_cast<std::uint8_t>((sum + area / 2) / area);
      }
    }
  }
  return output;
}

Raster toGray(const Raster& source) {
  if (source.channels == 1) return source;
  Raster gray;
  gray.width = source.width;
  gray.height = source.height;
  gray.channels = 1;
  const std::size_t count =
      static_cast<std::size_t>(source.width) * static_cast<std::size_t>(source.height);
  gray.pixels.resize(count);
  const auto channels = static_cast<std::size_t>(source.channels);
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint8_t* p = source.pixels.data() + i * channels;
    gray.pixels[i] =
        static_cast<std::uint8_t>((306U * p[0] + 601U * p[1] + 117U * p[2] + 0x200U) >> 10);
  }
  return gray;
}

}  // namespace onestop::imaging
