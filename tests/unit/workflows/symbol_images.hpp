// Test images with barcodes drawn by ZXing-C++'s encoder (the card images come from qrencode in
// tests/data/cards; these are the foreign symbols a counter also sees: URLs, shipping labels).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace onestop::testing {

enum class SymbolKind { QrCode, Code128 };

struct SymbolOnPage {
  SymbolKind kind = SymbolKind::QrCode;
  std::string text;
  int left = 0;  // pixels from the page's top-left corner
  int top = 0;
};

// A white 8-bit grey page (binary PGM, P5) of widthPx × heightPx with the symbols drawn black,
// QR codes at 6 px per module, Code128 420 × 90 px. Nothing else is on the page.
std::vector<std::uint8_t> pageWithSymbols(int widthPx, int heightPx,
                                          const std::vector<SymbolOnPage>& symbols);

}  // namespace onestop::testing
