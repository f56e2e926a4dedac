#include "page_decoder.hpp"

#include <utility>

#include "jpeg_codec.hpp"
#include "onestop/common/error.hpp"
#include "onestop/imaging/image_format.hpp"
#include "png_codec.hpp"
#include "pnm_codec.hpp"
#include "resample.hpp"

namespace onestop::imaging {
namespace {

Result<DecodedPage> withSource(Result<Raster> raster, PageSourceFormat source) {
  if (!raster.ok()) return raster.error();
  return DecodedPage{std::move(raster).value(), source};
}

}  // namespace

Result<DecodedPage> decodePage(std::span<const std::uint8_t> image, const PageLimits& limits,
                               PageColour colour) {
  const bool gray = colour == PageColour::Gray;
  if (image.empty()) return Error(Reason::ImageInvalid, "page image: empty");
  if (image.size() > limits.maxBytes) {
    return Error(Reason::ImageInvalid, "page image: larger than allowed");
  }
  if (looksLikePnm(image)) {
    Result<Raster> raster = decodePnm(image, limits);
    if (gray && raster.ok()) raster = toGray(*raster);
    return withSource(std::move(raster), PageSourceFormat::Pnm);
  }
  switch (sniffFormat(image)) {
    case ImageFormat::Png:
      return withSource(decodePng(image, limits, gray), PageSourceFormat::Png);
    case ImageFormat::Jpeg:
      return withSource(decodeJpeg(image, limits, gray), PageSourceFormat::Jpeg);
    default:
      return Error(Reason::ImageInvalid, "page image: not PNM, PNG or JPEG");
  }
}

}  // namespace onestop::imaging
