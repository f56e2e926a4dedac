#pragma once

#include <cstdint>
#include <span>

#include "onestop/common/result.hpp"
#include "onestop/imaging/page_image.hpp"
#include "raster.hpp"

namespace onestop::imaging {

// What a page image arrived as; the PDF keeps JPEG pages as they are.
enum class PageSourceFormat { Pnm, Png, Jpeg };

// Gray lets the JPEG and PNG decoders skip the colour work (libjpeg reads only the luma
// channel) when the caller only wants luminance, as the barcode reader does.
enum class PageColour { AsStored, Gray };

struct DecodedPage {
  Raster raster;  // 1 channel (gray) or 3 (RGB); always 1 when PageColour::Gray was asked
  PageSourceFormat source = PageSourceFormat::Pnm;
};

// Decodes a scanned page by its magic bytes: binary PNM, PNG or JPEG. Empty input, input over
// limits.maxBytes, another format, or any decoder error: Reason::ImageInvalid.
Result<DecodedPage> decodePage(std::span<const std::uint8_t> image, const PageLimits& limits,
                               PageColour colour = PageColour::AsStored);

}  // namespace onestop::imaging
