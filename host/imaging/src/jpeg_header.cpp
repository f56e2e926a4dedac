#include "jpeg_header.hpp"

#include <string>

#include "onestop/common/error.hpp"

namespace onestop::imaging {
namespace {

Error invalid(const std::string& what) {
  return Error(Reason::ValidationFailed, "JPEG: " + what);
}

std::uint16_t readBigEndian16(std::span<const std::uint8_t> bytes, std::size_t at) {
  return static_cast<std::uint16_t>((bytes[at] << 8) | bytes[at + 1]);
}

// SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC), which share the range.
bool isStartOfFrame(std::uint8_t marker) {
  return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
}

// Markers that stand alone, without a length: TEM and RST0–RST7.
bool isStandalone(std::uint8_t marker) {
  return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
}

}  // namespace

Result<Dimensions> readJpegDimensions(std::span<const std::uint8_t> jpeg) {
  if (jpeg.size() < 4 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) return invalid("no SOI marker");
  std::size_t at = 2;
  while (true) {
    if (at >= jpeg.size() || jpeg[at] != 0xFF) {
      return invalid("no marker at offset " + std::to_string(at));
    }
    while (at < jpeg.size() && jpeg[at] == 0xFF) ++at;  // fill bytes may precede a marker
    if (at >= jpeg.size()) return invalid("truncated before a frame header");
    const std::uint8_t marker = jpeg[at++];
    if (isStandalone(marker)) continue;
    if (marker == 0xD9 || marker == 0xDA || marker == 0xD8 || marker == 0x00) {
      return invalid("no frame header before the image data");
    }
    if (at + 2 > jpeg.size()) return invalid("truncated segment at offset " + std::to_string(at));
    const std::size_t length = readBigEndian16(jpeg, at);
    if (length < 2 || at + length > jpeg.size()) {
      return invalid("segment length out of range at offset " + std::to_string(at));
    }
    if (isStartOfFrame(marker)) {
      // Lf, P, Y, X, Nf: at least 8 bytes including the length itself.
      if (length < 8) return invalid("frame header too short");
      const Dimensions dimensions{readBigEndian16(jpeg, at + 5), readBigEndian16(jpeg, at + 3)};
      if (dimensions.width == 0 || dimensions.height == 0) {
        return invalid("zero width or height in the frame header");
      }
      return dimensions;
    }
    at += length;
  }
}

}  // namespace onestop::imaging
