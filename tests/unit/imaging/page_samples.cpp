#include "page_samples.hpp"

#include <string>

#include "onestop/imaging/page_image.hpp"

namespace onestop::imaging::testing {

std::uint8_t samplePageLevel(int x, int y, int width, int height) {
  if (x < 2 || y < 2 || x >= width - 2 || y >= height - 2) return 0;
  return static_cast<std::uint8_t>(40 + (x * 150 / width) + (y * 60 / height));
}

Bytes samplePnm(char kind, int width, int height) {
  const std::string header = std::string("P") + kind + "\n# scanned by a test\n" +
                             std::to_string(width) + " " + std::to_string(height) + "\n255\n";
  Bytes pnm(header.begin(), header.end());
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const std::uint8_t level = samplePageLevel(x, y, width, height);
      if (kind == '5') {
        pnm.push_back(level);
      } else {
        pnm.push_back(level);
        pnm.push_back(static_cast<std::uint8_t>(255 - level));
        pnm.push_back(128);
      }
    }
  }
  return pnm;
}

Bytes sampleBitmap(int width, int height) {
  const std::string header = "P4\n" + std::to_string(width) + " " + std::to_string(height) + "\n";
  Bytes pnm(header.begin(), header.end());
  for (int y = 0; y < height; ++y) {
    std::uint8_t byte = 0;
    for (int x = 0; x < width; ++x) {
      if (samplePageLevel(x, y, width, height) < 128)
        byte |= static_cast<std::uint8_t>(0x80U >> (x % 8));
      if (x % 8 == 7 || x == width - 1) {
        pnm.push_back(byte);
        byte = 0;
      }
    }
  }
  return pnm;
}

Bytes samplePng(int width, int height) {
  const Result<EncodedPage> page = encodePage(samplePnm('6', width, height), PageEncoding::Png);
  return page.ok() ? page->data : Bytes{};
}

Bytes sampleJpeg(int width, int height, int quality) {
  const Result<EncodedPage> page =
      encodePage(samplePnm('6', width, height), PageEncoding::Jpeg, quality);
  return page.ok() ? page->data : Bytes{};
}

}  // namespace onestop::imaging::testing
