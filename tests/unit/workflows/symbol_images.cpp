#include "symbol_images.hpp"

#include <BarcodeFormat.h>
#include <BitMatrix.h>
#include <CharacterSet.h>
#include <MultiFormatWriter.h>

#include <stdexcept>

namespace onestop::testing {
namespace {

constexpr int kQrModulePx = 6;
constexpr int kCode128Width = 420;
constexpr int kCode128Height = 90;

ZXing::BitMatrix encode(const SymbolOnPage& symbol) {
  if (symbol.kind == SymbolKind::QrCode) {
    ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::QRCode);
    writer.setMargin(0);
    writer.setEncoding(ZXing::CharacterSet::UTF8);                      // Vietnamese card payloads
    const ZXing::BitMatrix modules = writer.encode(symbol.text, 0, 0);  // one pixel per module
    ZXing::BitMatrix scaled(modules.width() * kQrModulePx, modules.height() * kQrModulePx);
    for (int y = 0; y < scaled.height(); ++y) {
      for (int x = 0; x < scaled.width(); ++x) {
        if (modules.get(x / kQrModulePx, y / kQrModulePx)) scaled.set(x, y);
      }
    }
    return scaled;
  }
  ZXing::MultiFormatWriter writer(ZXing::BarcodeFormat::Code128);
  writer.setMargin(0);
  return writer.encode(symbol.text, kCode128Width, kCode128Height);
}

}  // namespace

std::vector<std::uint8_t> pageWithSymbols(int widthPx, int heightPx,
                                          const std::vector<SymbolOnPage>& symbols) {
  const std::string header =
      "P5\n" + std::to_string(widthPx) + " " + std::to_string(heightPx) + "\n255\n";
  std::vector<std::uint8_t> pgm(header.begin(), header.end());
  const std::size_t pixels = pgm.size();
  pgm.resize(pixels + static_cast<std::size_t>(widthPx) * static_cast<std::size_t>(heightPx), 255);
  for (const auto& symbol : symbols) {
    const ZXing::BitMatrix matrix = encode(symbol);
    if (symbol.left + matrix.width() > widthPx || symbol.top + matrix.height() > heightPx) {
      throw std::invalid_argument("symbol does not fit on the page");
    }
    for (int y = 0; y < matrix.height(); ++y) {
      for (int x = 0; x < matrix.width(); ++x) {
        if (!matrix.get(x, y)) continue;
        const auto at =
            static_cast<std::size_t>(symbol.top + y) * static_cast<std::size_t>(widthPx) +
            static_cast<std::size_t>(symbol.left + x);
        pgm[pixels + at] = 0;
      }
    }
  }
  return pgm;
}

}  // namespace onestop::testing
