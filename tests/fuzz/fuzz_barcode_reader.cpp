// libFuzzer target: QR and barcode reading (host/imaging with ZXing-C++): page decoding, the
// contrast stretch, the fallback passes' filters (invert, median, sharpen, enlarge, half size),
// position scaling and de-duplication.
#include <cstddef>
#include <cstdint>

#include "onestop/imaging/barcode_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  // Small pages keep the many passes fast; every pass still runs on them.
  const onestop::imaging::PageLimits limits{
      .maxWidth = 640, .maxHeight = 640, .maxBytes = std::size_t{1} << 20};
  // The first byte picks the options.
  const onestop::imaging::BarcodeOptions options{
      .qrOnly = (data[0] & 1) != 0,
      .tryHarder = (data[0] & 2) == 0,
      .tryRotate = (data[0] & 4) == 0,
      .tryInvert = (data[0] & 8) == 0,
      .tryDownscale = (data[0] & 16) == 0,
      .maxSymbols = static_cast<std::size_t>(data[0] >> 5) + 1};
  if (auto found = onestop::imaging::readBarcodes({data + 1, size - 1}, options, limits)) {
    if (found->size() > options.maxSymbols) __builtin_trap();
    for (const auto& barcode : *found) {
      if (barcode.format.empty()) __builtin_trap();
    }
  }
  return 0;
}
