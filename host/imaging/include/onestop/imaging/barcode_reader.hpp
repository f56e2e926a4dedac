#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/imaging/page_image.hpp"

namespace onestop::imaging {

struct ImagePoint {
  int x = 0;
  int y = 0;
};

// One symbol found in an image.
struct DecodedBarcode {
  std::string text;                      // UTF-8 as the symbol encodes it (never forced to Latin-1)
  std::vector<std::uint8_t> bytes;       // the raw payload bytes
  std::string format;                    // "QRCode", "DataMatrix", "PDF417", "Code128" …
  std::array<ImagePoint, 4> position{};  // corners in the input image's pixels: TL, TR, BR, BL
  int orientationDegrees = 0;            // rotation of the symbol in the image
};

// What the reader tries. The defaults are the ones that raise the hit rate on card scans:
// slow paths on (try harder, rotations, inverted, downscale pyramid) but every one bounded.
struct BarcodeOptions {
  bool qrOnly = false;  // only QR codes (the card QR); otherwise all common 2D/1D formats
  bool tryHarder = true;
  bool tryRotate = true;
  bool tryInvert = true;     // light-on-dark symbols
  bool tryDownscale = true;  // a pyramid of smaller images for large, blurred scans
  std::size_t maxSymbols = 8;
};

// Finds and decodes every symbol in an encoded image (PNG, JPEG or PNM) of any size: a card scan
// at 300–600 dpi or a full A4 page with a card on it, at any rotation. No symbol is an empty
// vector (the caller decides whether that is an error). Undecodable image: Reason::ImageInvalid.
Result<std::vector<DecodedBarcode>> readBarcodes(std::span<const std::uint8_t> image,
                                                 const BarcodeOptions& options = {},
                                                 const PageLimits& limits = {});

}  // namespace onestop::imaging
