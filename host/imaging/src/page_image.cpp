#include "onestop/imaging/page_image.hpp"

#include <algorithm>
#include <utility>

#include "jpeg_codec.hpp"
#include "onestop/common/error.hpp"
#include "page_decoder.hpp"
#include "png_codec.hpp"
#include "resample.hpp"

namespace onestop::imaging {
namespace {

// zlib level 3: a 300 dpi A4 gray scan encodes in a fraction of the default level's time and
// the file is only a few per cent larger (scans are mostly flat paper).
constexpr int kScanPngLevel = 3;
constexpr int kThumbnailJpegQuality = 80;

Result<EncodedPage> encodeRaster(const Raster& raster, PageEncoding encoding, int jpegQuality) {
  Result<std::vector<std::uint8_t>> bytes =
      encoding == PageEncoding::Png ? encodePngFast(raster, kScanPngLevel)
                                    : encodeJpeg(raster, std::clamp(jpegQuality, 1, 100));
  if (!bytes.ok()) return bytes.error();
  return EncodedPage{encoding == PageEncoding::Png ? "image/png" : "image/jpeg",
                     std::move(bytes).value(), raster.width, raster.height};
}

Result<EncodedPage> thumbnailOf(const Raster& raster, int maxEdgePx) {
  const int edge = std::max(1, maxEdgePx);
  const int longer = std::max(raster.width, raster.height);
  if (longer <= edge) return encodeRaster(raster, PageEncoding::Jpeg, kThumbnailJpegQuality);
  // Rounded, and never zero for a very long thin strip.
  const auto scaled = [&](int length) {
    return std::max(
        1, static_cast<int>((static_cast<long long>(length) * edge + longer / 2) / longer));
  };
  const Raster thumbnail = downscaleByArea(raster, scaled(raster.width), scaled(raster.height));
  return encodeRaster(thumbnail, PageEncoding::Jpeg, kThumbnailJpegQuality);
}

}  // namespace

Result<EncodedPage> encodePage(std::span<const std::uint8_t> image, PageEncoding encoding,
                               int jpegQuality, const PageLimits& limits) {
  const Result<DecodedPage> page = decodePage(image, limits);
  if (!page.ok()) return page.error();
  return encodeRaster(page->raster, encoding, jpegQuality);
}

Result<EncodedPage> makeThumbnail(std::span<const std::uint8_t> image, int maxEdgePx,
                                  const PageLimits& limits) {
  const Result<DecodedPage> page = decodePage(image, limits);
  if (!page.ok()) return page.error();
  return thumbnailOf(page->raster, maxEdgePx);
}

Result<PageAndThumbnail> encodePageAndThumbnail(std::span<const std::uint8_t> image,
                                                PageEncoding encoding, int jpegQuality,
                                                int maxEdgePx, const PageLimits& limits) {
  const Result<DecodedPage> page = decodePage(image, limits);
  if (!page.ok()) return page.error();
  Result<EncodedPage> encoded = encodeRaster(page->raster, encoding, jpegQuality);
  if (!encoded.ok()) return encoded.error();
  Result<EncodedPage> thumbnail = thumbnailOf(page->raster, maxEdgePx);
  if (!thumbnail.ok()) return thumbnail.error();
  return PageAndThumbnail{std::move(encoded).value(), std::move(thumbnail).value()};
}

}  // namespace onestop::imaging
