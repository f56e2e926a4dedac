#include "png_codec.hpp"

#include <png.h>

#include <array>
#include <cstring>
#include <string>

#include "onestop/common/error.hpp"

namespace onestop::imaging {
namespace {

Error invalid(const std::string& what) {
  return Error(Reason::ValidationFailed, "PNG: " + what);
}

std::uint32_t readBigEndian32(std::span<const std::uint8_t> bytes, std::size_t at) {
  return (std::uint32_t{bytes[at]} << 24) | (std::uint32_t{bytes[at + 1]} << 16) |
         (std::uint32_t{bytes[at + 2]} << 8) | std::uint32_t{bytes[at + 3]};
}

png_uint_32 pngFormatFor(int channels) {
  switch (channels) {
    case 1:
      return PNG_FORMAT_GRAY;
    case 2:
      return PNG_FORMAT_GA;
    case 3:
      return PNG_FORMAT_RGB;
    default:
      return PNG_FORMAT_RGBA;
  }
}

}  // namespace

Result<Dimensions> readPngDimensions(std::span<const std::uint8_t> png) {
  constexpr std::array<std::uint8_t, 8> kSignature{0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};
  // Signature, then the IHDR chunk: length (13), "IHDR", width, height, 5 more bytes, CRC.
  constexpr std::size_t kHeaderSize = 8 + 4 + 4 + 13 + 4;
  if (png.size() < kHeaderSize || std::memcmp(png.data(), kSignature.data(), 8) != 0) {
    return invalid("no PNG signature and header");
  }
  if (readBigEndian32(png, 8) != 13 || std::memcmp(png.data() + 12, "IHDR", 4) != 0) {
    return invalid("the first chunk is not a 13-byte IHDR");
  }
  const std::uint32_t width = readBigEndian32(png, 16);
  const std::uint32_t height = readBigEndian32(png, 20);
  // PNG caps dimensions at 2^31 - 1; zero is not allowed.
  if (width == 0 || height == 0 || width > 0x7FFFFFFFu || height > 0x7FFFFFFFu) {
    return invalid("width or height out of range");
  }
  return Dimensions{static_cast<int>(width), static_cast<int>(height)};
}

Result<std::vector<std::uint8_t>> encodePng(const Raster& raster) {
  if (raster.width <= 0 || raster.height <= 0 || raster.channels < 1 || raster.channels > 4 ||
      raster.pixels.size() != static_cast<std::size_t>(raster.width) *
                                  static_cast<std::size_t>(raster.height) *
                                  static_cast<std::size_t>(raster.channels)) {
    return Error(Reason::Internal, "PNG: inconsistent raster");
  }
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(raster.width);
  image.height = static_cast<png_uint_32>(raster.height);
  image.format = pngFormatFor(raster.channels);
  const auto stride = static_cast<png_int_32>(raster.width * raster.channels);

  // First call: size only (memory null), second: the encoding.
  png_alloc_size_t size = 0;
  if (!png_image_write_to_memory(&image, nullptr, &size, 0, raster.pixels.data(), stride,
                                 nullptr)) {
    const std::string message = image.message;
    png_image_free(&image);
    return Error(Reason::Internal, "PNG: cannot encode (" + message + ")");
  }
  std::vector<std::uint8_t> encoded(size);
  if (!png_image_write_to_memory(&image, encoded.data(), &size, 0, raster.pixels.data(), stride,
                                 nullptr)) {
    const std::string message = image.message;
    png_image_free(&image);
    return Error(Reason::Internal, "PNG: cannot encode (" + message + ")");
  }
  encoded.resize(size);
  png_image_free(&image);
  return encoded;
}

}  // namespace onestop::imaging
