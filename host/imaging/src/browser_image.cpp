#include "onestop/imaging/browser_image.hpp"

#include <string>
#include <utility>

#include "jpeg2000_decoder.hpp"
#include "jpeg_header.hpp"
#include "onestop/common/error.hpp"
#include "png_codec.hpp"

namespace onestop::imaging {
namespace {

Result<void> checkDimensions(ImageFormat format, const Dimensions& dimensions,
                             const ImageLimits& limits) {
  if (dimensions.width > limits.maxWidth || dimensions.height > limits.maxHeight) {
    return Error(Reason::ValidationFailed,
                 std::string(formatName(format)) + ": " + std::to_string(dimensions.width) + " x " +
                     std::to_string(dimensions.height) + " pixels is larger than allowed");
  }
  return Ok{};
}

// JPEG and PNG reach the browser as they came: only the header is read, to refuse what is not
// an image of a sane size.
Result<BrowserImage> passThrough(std::span<const std::uint8_t> encoded, ImageFormat format,
                                 const ImageLimits& limits) {
  Result<Dimensions> dimensions =
      format == ImageFormat::Jpeg ? readJpegDimensions(encoded) : readPngDimensions(encoded);
  if (!dimensions) return dimensions.error();
  if (Result<void> fits = checkDimensions(format, *dimensions, limits); !fits) return fits.error();
  BrowserImage image;
  image.mime = format == ImageFormat::Jpeg ? "image/jpeg" : "image/png";
  image.data.assign(encoded.begin(), encoded.end());
  image.width = dimensions->width;
  image.height = dimensions->height;
  image.source = format;
  return image;
}

Result<BrowserImage> fromJpeg2000(std::span<const std::uint8_t> encoded,
                                  const ImageLimits& limits) {
  Result<Raster> raster = decodeJpeg2000(encoded, limits);
  if (!raster) return raster.error();
  Result<std::vector<std::uint8_t>> png = encodePng(*raster);
  if (!png) return png.error();
  BrowserImage image;
  image.mime = "image/png";
  image.data = std::move(*png);
  image.width = raster->width;
  image.height = raster->height;
  image.source = ImageFormat::Jpeg2000;
  return image;
}

}  // namespace

Result<BrowserImage> toBrowserImage(std::span<const std::uint8_t> encoded,
                                    const ImageLimits& limits) {
  if (encoded.empty()) return Error(Reason::ValidationFailed, "image: no bytes");
  if (encoded.size() > limits.maxBytes) {
    return Error(Reason::ValidationFailed,
                 "image: " + std::to_string(encoded.size()) + " bytes is larger than allowed");
  }
  switch (const ImageFormat format = sniffFormat(encoded)) {
    case ImageFormat::Jpeg:
    case ImageFormat::Png:
      return passThrough(encoded, format, limits);
    case ImageFormat::Jpeg2000:
      return fromJpeg2000(encoded, limits);
    case ImageFormat::Unknown:
      break;
  }
  return Error(Reason::ValidationFailed, "image: neither JPEG, JPEG 2000 nor PNG");
}

}  // namespace onestop::imaging
