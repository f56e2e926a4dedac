#include "png_codec.hpp"

#include <png.h>

#include <array>
#include <csetjmp>
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

struct PngSink {
  std::vector<std::uint8_t> bytes;
};

void appendToSink(png_structp png, png_bytep data, png_size_t length) {
  auto* sink = static_cast<PngSink*>(png_get_io_ptr(png));
  sink->bytes.insert(sink->bytes.end(), data, data + length);
}

void flushNothing(png_structp /*png*/) {}

[[noreturn]] void jumpOnPngError(png_structp png, png_const_charp /*message*/) {
  png_longjmp(png, 1);
}

void ignorePngWarning(png_structp /*png*/, png_const_charp /*message*/) {}

// The libpng calls live in a function with only trivially destructible locals, so the longjmp
// from the error handler skips no destructor.
bool writePng(const Raster& raster, int zlibLevel, PngSink& sink) {
  png_structp png =
      png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, jumpOnPngError, ignorePngWarning);
  if (png == nullptr) return false;
  png_infop info = png_create_info_struct(png);
  if (info == nullptr || setjmp(png_jmpbuf(png)) != 0) {
    png_destroy_write_struct(&png, &info);
    return false;
  }
  png_set_write_fn(png, &sink, appendToSink, flushNothing);
  static constexpr int kColourTypes[] = {PNG_COLOR_TYPE_GRAY, PNG_COLOR_TYPE_GRAY_ALPHA,
                                         PNG_COLOR_TYPE_RGB, PNG_COLOR_TYPE_RGB_ALPHA};
  png_set_IHDR(png, info, static_cast<png_uint_32>(raster.width),
               static_cast<png_uint_32>(raster.height), 8, kColourTypes[raster.channels - 1],
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, zlibLevel);
  // Scans are mostly flat paper with text: the Sub filter alone compresses them nearly as well
  // as the adaptive search at a fraction of its cost.
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_SUB);
  png_write_info(png, info);
  const std::size_t stride =
      static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.channels);
  for (int y = 0; y < raster.height; ++y) {
    // libpng's API takes non-const rows but only reads them when writing.
    png_write_row(
        png, const_cast<png_bytep>(raster.pixels.data() + stride * static_cast<std::size_t>(y)));
  }
  png_write_end(png, nullptr);
  png_destroy_write_struct(&png, &info);
  return true;
}

bool consistent(const Raster& raster) {
  return raster.width > 0 && raster.height > 0 && raster.channels >= 1 && raster.channels <= 4 &&
         raster.pixels.size() == static_cast<std::size_t>(raster.width) *
                                     static_cast<std::size_t>(raster.height) *
                                     static_cast<std::size_t>(raster.channels);
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

Result<std::vector<std::uint8_t>> encodePngFast(const Raster& raster, int zlibLevel) {
  if (!consistent(raster) || zlibLevel < 0 || zlibLevel > 9) {
    return Error(Reason::Internal, "PNG: inconsistent raster or zlib level");
  }
  PngSink sink;
  // A rough guess of the output size saves most reallocations on large scans.
  sink.bytes.reserve(raster.pixels.size() / 4);
  if (!writePng(raster, zlibLevel, sink)) return Error(Reason::Internal, "PNG: cannot encode");
  return std::move(sink.bytes);
}

Result<Raster> decodePng(std::span<const std::uint8_t> png, const PageLimits& limits, bool gray) {
  const Result<Dimensions> dimensions = readPngDimensions(png);
  if (!dimensions.ok()) return Error(Reason::ImageInvalid, dimensions.error().detail());
  if (dimensions->width > limits.maxWidth || dimensions->height > limits.maxHeight) {
    return Error(Reason::ImageInvalid, "PNG: the page is larger than allowed");
  }
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, png.data(), png.size())) {
    const std::string message = image.message;
    png_image_free(&image);
    return Error(Reason::ImageInvalid, "PNG: " + message);
  }
  const bool colour = !gray && (image.format & PNG_FORMAT_FLAG_COLOR) != 0;
  image.format = colour ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  Raster raster;
  raster.width = static_cast<int>(image.width);
  raster.height = static_cast<int>(image.height);
  raster.channels = colour ? 3 : 1;
  raster.pixels.resize(PNG_IMAGE_SIZE(image));
  const png_color white{255, 255, 255};
  if (!png_image_finish_read(&image, &white, raster.pixels.data(), 0, nullptr)) {
    const std::string message = image.message;
    png_image_free(&image);
    return Error(Reason::ImageInvalid, "PNG: " + message);
  }
  return raster;
}

}  // namespace onestop::imaging
