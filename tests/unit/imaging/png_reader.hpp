#pragma once

// Test support: a PNG decoded back with libpng's simplified API, in its own channel layout.

#include <cstdint>
#include <optional>
#include <vector>

namespace onestop::imaging::testing {

struct DecodedPng {
  int width = 0;
  int height = 0;
  int channels = 0;  // 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA
  std::vector<std::uint8_t> pixels;

  [[nodiscard]] std::uint8_t at(int x, int y, int channel) const {
    return pixels[static_cast<std::size_t>((y * width + x) * channels + channel)];
  }
};

// Nothing when libpng cannot read it.
std::optional<DecodedPng> decodePng(const std::vector<std::uint8_t>& png);

// An 8-bit PNG of `channels` channels, for pass-through tests.
std::vector<std::uint8_t> encodeTestPng(int width, int height, int channels);

}  // namespace onestop::imaging::testing
