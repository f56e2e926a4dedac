#include "onestop/imaging/image_format.hpp"

#include <algorithm>
#include <array>

namespace onestop::imaging {
namespace {

template <std::size_t N>
bool startsWith(std::span<const std::uint8_t> bytes, const std::array<std::uint8_t, N>& magic) {
  return bytes.size() >= N && std::equal(magic.begin(), magic.end(), bytes.begin());
}

constexpr std::array<std::uint8_t, 3> kJpegMagic{0xFF, 0xD8, 0xFF};
// The JP2 signature box: length 12, type "jP  ", content 0D 0A 87 0A (ISO/IEC 15444-1 I.5.1).
constexpr std::array<std::uint8_t, 12> kJp2Magic{0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50,
                                                 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A};
// SOC followed by SIZ: a raw JPEG 2000 codestream.
constexpr std::array<std::uint8_t, 4> kJ2kMagic{0xFF, 0x4F, 0xFF, 0x51};
constexpr std::array<std::uint8_t, 8> kPngMagic{0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};

}  // namespace

ImageFormat sniffFormat(std::span<const std::uint8_t> bytes) {
  if (startsWith(bytes, kJpegMagic)) return ImageFormat::Jpeg;
  if (startsWith(bytes, kJp2Magic) || startsWith(bytes, kJ2kMagic)) return ImageFormat::Jpeg2000;
  if (startsWith(bytes, kPngMagic)) return ImageFormat::Png;
  return ImageFormat::Unknown;
}

std::string_view formatName(ImageFormat format) {
  switch (format) {
    case ImageFormat::Jpeg:
      return "JPEG";
    case ImageFormat::Jpeg2000:
      return "JPEG 2000";
    case ImageFormat::Png:
      return "PNG";
    case ImageFormat::Unknown:
      break;
  }
  return "unknown";
}

}  // namespace onestop::imaging
