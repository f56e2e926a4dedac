#include "onestop/imaging/barcode_reader.hpp"

#include <ReadBarcode.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "image_filters.hpp"
#include "page_decoder.hpp"

namespace onestop::imaging {
namespace {

// One attempt of the reader: which picture of the page it looks at, how it binarizes it, and
// whether ZXing also tries the picture turned by 90°, 180° and 270°.
enum class Picture { Original, Inverted, Denoised, Enlarged };

struct Pass {
  Picture picture;
  ZXing::Binarizer binarizer;
  bool turned;
  bool pyramid;  // ZXing's own downscaled copies (options.tryDownscale permitting)
};

// Cheapest first. On the degraded set (tests/data/qr) the first pass reads 78 of 97 images; the
// inverted picture reads the light-on-dark ones, ZXing's pyramid and the 3×3 median the noisy
// 600 dpi and 300 dpi ones, the enlarged picture a dense 2024 QR turned by 33° at 300 dpi. The
// global-histogram binarizer reads none of the set but is ZXing's answer to uneven lighting
// (a shadow across a card), which the set does not model. A sharpened picture and an own
// half-size copy were tried and read nothing the others miss, so they are not here. The QR
// detector finds symbols at any angle by itself, so the turned pictures (4× the work) only serve
// 1D barcodes and come last.
constexpr Pass kPasses[] = {
    {Picture::Original, ZXing::Binarizer::LocalAverage, false, false},
    {Picture::Inverted, ZXing::Binarizer::LocalAverage, false, false},
    {Picture::Original, ZXing::Binarizer::LocalAverage, false, true},
    {Picture::Denoised, ZXing::Binarizer::LocalAverage, false, false},
    {Picture::Original, ZXing::Binarizer::GlobalHistogram, false, false},
    {Picture::Enlarged, ZXing::Binarizer::LocalAverage, false, false},
    {Picture::Original, ZXing::Binarizer::LocalAverage, true, false},
};

// Enlarging a picture already this large gives ZXing more pixels than it needs and costs 4× the
// memory: a card scan is at most ~2000 px wide at 600 dpi.
constexpr int kMaxEdgeToEnlarge = 1400;

// Pixels ZXing may look at over all the passes of one image: every pass of a 300 dpi card scan
// (0.65 Mpx), all but the turned one of a 600 dpi card (2.6 Mpx), the first two of a 300 dpi A4
// page (8.7 Mpx), so a blank page costs a bounded few hundred milliseconds.
constexpr double kPixelBudget = 24e6;

// A pass's work relative to the picture's size: an enlarged picture has 4× the pixels, a turned
// one is read four times.
double passCostFactor(const Pass& pass) {
  return pass.turned || pass.picture == Picture::Enlarged ? 4.0 : 1.0;
}

bool passWanted(const Pass& pass, const BarcodeOptions& options, const Raster& gray) {
  if (pass.turned) return options.tryRotate && !options.qrOnly;
  if (pass.pyramid && !options.tryDownscale) return false;
  switch (pass.picture) {
    case Picture::Inverted:
      return options.tryInvert;
    case Picture::Denoised:
      return options.tryHarder;
    case Picture::Enlarged:
      return options.tryHarder && std::max(gray.width, gray.height) <= kMaxEdgeToEnlarge;
    default:
      return true;
  }
}

ZXing::DecodeHints hintsFor(const BarcodeOptions& options, const Pass& pass) {
  ZXing::DecodeHints hints;
  hints.setTryHarder(options.tryHarder)
      .setTryRotate(pass.turned)
      .setTryDownscale(options.tryDownscale && pass.pyramid)
      .setBinarizer(pass.binarizer)
      .setMaxNumberOfSymbols(
          static_cast<std::uint8_t>(std::clamp<std::size_t>(options.maxSymbols, 1, 255)));
  // No fallback character set: for byte-mode segments without an ECI (the CCCD card QR) ZXing
  // guesses, and valid UTF-8 ("Nguyễn") is taken as UTF-8. Forcing "UTF-8" would instead cut a
  // foreign Latin-1 QR at its first accented byte (tests/unit/imaging cover both).
  if (options.qrOnly) hints.setFormats(ZXing::BarcodeFormat::QRCode);
  return hints;
}

Raster inverted(const Raster& gray) {
  Raster copy = gray;
  for (std::uint8_t& value : copy.pixels) value = static_cast<std::uint8_t>(255 - value);
  return copy;
}

// The picture a pass looks at and the factor that maps its pixels back to the input's.
struct ScaledPicture {
  Raster raster;
  double scale = 1.0;
};

ScaledPicture pictureFor(Picture picture, const Raster& gray) {
  switch (picture) {
    case Picture::Inverted:
      return {inverted(gray), 1.0};
    case Picture::Denoised:
      return {median3x3(gray), 1.0};
    case Picture::Enlarged:
      return {upscale2x(gray), 0.5};
    default:
      return {gray, 1.0};
  }
}

DecodedBarcode toDecoded(const ZXing::Result& result, double scale) {
  DecodedBarcode barcode;
  barcode.text = result.text();
  const ZXing::ByteArray& bytes = result.bytes();
  barcode.bytes.assign(bytes.begin(), bytes.end());
  barcode.format = ZXing::ToString(result.format());
  const ZXing::Position& position = result.position();
  const ZXing::PointI corners[] = {position.topLeft(), position.topRight(), position.bottomRight(),
                                   position.bottomLeft()};
  for (std::size_t i = 0; i < 4; ++i) {
    barcode.position[i] = ImagePoint{static_cast<int>(std::lround(corners[i].x * scale)),
                                     static_cast<int>(std::lround(corners[i].y * scale))};
  }
  barcode.orientationDegrees = result.orientation();
  return barcode;
}

struct Box {
  int left, top, right, bottom;
};

Box boundingBox(const DecodedBarcode& barcode) {
  Box box{barcode.position[0].x, barcode.position[0].y, barcode.position[0].x,
          barcode.position[0].y};
  for (const ImagePoint& point : barcode.position) {
    box.left = std::min(box.left, point.x);
    box.top = std::min(box.top, point.y);
    box.right = std::max(box.right, point.x);
    box.bottom = std::max(box.bottom, point.y);
  }
  return box;
}

// The same symbol seen by two passes: same content, overlapping places. Two identical QR codes
// side by side on a page stay two.
bool sameSymbol(const DecodedBarcode& a, const DecodedBarcode& b) {
  if (a.format != b.format || a.bytes != b.bytes || a.text != b.text) return false;
  const Box x = boundingBox(a);
  const Box y = boundingBox(b);
  return x.left <= y.right && y.left <= x.right && x.top <= y.bottom && y.top <= x.bottom;
}

void readPass(const Raster& gray, double scale, const ZXing::DecodeHints& hints,
              std::size_t maxSymbols, std::vector<DecodedBarcode>& found) {
  const ZXing::ImageView view(gray.pixels.data(), gray.width, gray.height, ZXing::ImageFormat::Lum);
  for (const ZXing::Result& result : ZXing::ReadBarcodes(view, hints)) {
    if (found.size() >= maxSymbols) return;
    if (!result.isValid()) continue;
    DecodedBarcode candidate = toDecoded(result, scale);
    const bool seen = std::any_of(found.begin(), found.end(), [&](const DecodedBarcode& known) {
      return sameSymbol(known, candidate);
    });
    if (!seen) found.push_back(std::move(candidate));
  }
}

}  // namespace

Result<std::vector<DecodedBarcode>> readBarcodes(std::span<const std::uint8_t> image,
                                                 const BarcodeOptions& options,
                                                 const PageLimits& limits) {
  Result<DecodedPage> page = decodePage(image, limits, PageColour::Gray);
  if (!page.ok()) return page.error();
  Raster& gray = page->raster;
  stretchContrast(gray);
  const std::size_t maxSymbols = std::max<std::size_t>(options.maxSymbols, 1);

  std::vector<DecodedBarcode> found;
  // The fallback passes only run while nothing has been found: a page whose QR the first pass
  // reads costs one pass. The others are bounded by a pixel budget, so a blank A4 page stops
  // after a few passes while a card scan gets all of them.
  const double pixels = static_cast<double>(gray.pixels.size());
  double spent = 0;
  for (const Pass& pass : kPasses) {
    if (!found.empty()) break;
    if (!passWanted(pass, options, gray)) continue;
    const double cost = pixels * passCostFactor(pass);
    if (spent > 0 && spent + cost > kPixelBudget) break;
    spent += cost;
    const ZXing::DecodeHints hints = hintsFor(options, pass);
    if (pass.picture == Picture::Original) {
      readPass(gray, 1.0, hints, maxSymbols, found);
    } else {
      const ScaledPicture picture = pictureFor(pass.picture, gray);
      readPass(picture.raster, picture.scale, hints, maxSymbols, found);
    }
  }
  return found;
}

}  // namespace onestop::imaging
