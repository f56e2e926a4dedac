#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"

namespace onestop::imaging {

// How a scanned page is kept: PNG is lossless (documents with fine print, gray or lineart);
// JPEG is a tenth of the size for colour photos of documents.
enum class PageEncoding { Png, Jpeg };

// A page image ready for a blob: encoded bytes plus what the page needs to show it.
struct EncodedPage {
  std::string mime;  // "image/png" or "image/jpeg"
  std::vector<std::uint8_t> data;
  int width = 0;
  int height = 0;
};

// Limits on what a page decoder accepts, so a hostile file cannot make it allocate without bound.
// An A4 page at 600 dpi is 4960 × 7016; the defaults leave room for A3 at 600 dpi.
struct PageLimits {
  int maxWidth = 10000;
  int maxHeight = 14100;
  std::size_t maxBytes = std::size_t{256} << 20;  // of the encoded input
};

// Re-encodes a scanned page (PNM P4/P5/P6 as the SANE plugin delivers it, PNG or JPEG) as
// `encoding`. JPEG quality 1–100. Malformed, truncated or over-limit input:
// Reason::ImageInvalid with an English detail naming the format.
Result<EncodedPage> encodePage(std::span<const std::uint8_t> image, PageEncoding encoding,
                               int jpegQuality = 85, const PageLimits& limits = {});

// A thumbnail whose longer edge is at most maxEdgePx (never enlarged), as JPEG (quality 80),
// for the page list in the console. Reason::ImageInvalid as above.
Result<EncodedPage> makeThumbnail(std::span<const std::uint8_t> image, int maxEdgePx = 256,
                                  const PageLimits& limits = {});

// Both of the above from one decode of the page: what a scan job wants for every page (an A4
// page at 300 dpi decodes in tens of milliseconds; this saves the second decode).
struct PageAndThumbnail {
  EncodedPage page;
  EncodedPage thumbnail;
};
Result<PageAndThumbnail> encodePageAndThumbnail(std::span<const std::uint8_t> image,
                                                PageEncoding encoding, int jpegQuality = 85,
                                                int maxEdgePx = 256, const PageLimits& limits = {});

// One page of a PDF: its image (PNG, JPEG or PNM) and the resolution it was scanned at, which
// gives the page its physical size (a 300 dpi A4 scan becomes a 210 × 297 mm page).
struct PdfPageSource {
  std::span<const std::uint8_t> image;
  int resolutionDpi = 300;
};

// A multi-page PDF of scanned pages (cairo), one image per page at its physical size.
// No page, a bad image or a resolution outside 50–2400: Reason::ImageInvalid.
Result<std::vector<std::uint8_t>> assemblePdf(std::span<const PdfPageSource> pages,
                                              const PageLimits& limits = {});

}  // namespace onestop::imaging
