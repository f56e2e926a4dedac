// libFuzzer target: scanned page images (host/imaging): PNM, PNG and JPEG decoding with the
// decompression-bomb limits, re-encoding, area-averaged thumbnails and PDF assembly with cairo.
#include <cstddef>
#include <cstdint>

#include "onestop/imaging/page_image.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  // Smaller than the production limits so each execution stays fast; the code paths are the same.
  const onestop::imaging::PageLimits limits{
      .maxWidth = 1024, .maxHeight = 1024, .maxBytes = std::size_t{1} << 20};
  // The first byte picks the operation, so the corpus can specialise.
  const std::span<const std::uint8_t> image(data + 1, size - 1);
  switch (data[0] % 4) {
    case 0: {
      if (auto page = onestop::imaging::encodePage(image, onestop::imaging::PageEncoding::Png, 85,
                                                   limits)) {
        if (page->data.empty() || page->width > limits.maxWidth) __builtin_trap();
      }
      break;
    }
    case 1: {
      if (auto page = onestop::imaging::encodePage(image, onestop::imaging::PageEncoding::Jpeg,
                                                   data[0] % 100 + 1, limits)) {
        if (page->data.empty() || page->height > limits.maxHeight) __builtin_trap();
      }
      break;
    }
    case 2: {
      if (auto thumbnail = onestop::imaging::makeThumbnail(image, 64, limits)) {
        if (thumbnail->width > 64 || thumbnail->height > 64 || thumbnail->width < 1)
          __builtin_trap();
      }
      break;
    }
    default: {
      const onestop::imaging::PdfPageSource pages[] = {{image, 72}, {image, 300}};
      if (auto pdf = onestop::imaging::assemblePdf(pages, limits)) {
        if (pdf->size() < 8) __builtin_trap();
      }
      break;
    }
  }
  return 0;
}
