#include <cairo-pdf.h>
#include <cairo.h>

#include <cstring>
#include <memory>
#include <string>

#include "onestop/common/error.hpp"
#include "onestop/imaging/page_image.hpp"
#include "page_decoder.hpp"

namespace onestop::imaging {
namespace {

constexpr int kMinDpi = 50;
constexpr int kMaxDpi = 2400;
constexpr double kPointsPerInch = 72.0;

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
  void operator()(cairo_t* context) const { cairo_destroy(context); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

cairo_status_t appendToVector(void* closure, const unsigned char* data, unsigned int length) {
  auto* pdf = static_cast<std::vector<std::uint8_t>*>(closure);
  pdf->insert(pdf->end(), data, data + length);
  return CAIRO_STATUS_SUCCESS;
}

// Cairo has no gray format: gray and RGB pages both become RGB24 (xRGB in native-endian 32-bit
// words). Cairo's PDF writer notices an all-gray image and stores it as DeviceGray.
SurfacePtr imageSurfaceFor(const Raster& raster) {
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, raster.width, raster.height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return surface;
  cairo_surface_flush(surface.get());
  unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  const auto channels = static_cast<std::size_t>(raster.channels);
  for (int y = 0; y < raster.height; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    const std::uint8_t* in = raster.pixels.data() + static_cast<std::size_t>(y) *
                                                        static_cast<std::size_t>(raster.width) *
                                                        channels;
    for (int x = 0; x < raster.width; ++x, in += channels) {
      const std::uint32_t r = in[0];
      const std::uint32_t g = channels == 3 ? in[1] : in[0];
      const std::uint32_t b = channels == 3 ? in[2] : in[0];
      row[x] = (r << 16) | (g << 8) | b;
    }
  }
  cairo_surface_mark_dirty(surface.get());
  return surface;
}

Error pageError(std::size_t index, const std::string& what) {
  return Error(Reason::ImageInvalid, "PDF page " + std::to_string(index + 1) + ": " + what);
}

}  // namespace

Result<std::vector<std::uint8_t>> assemblePdf(std::span<const PdfPageSource> pages,
                                              const PageLimits& limits) {
  if (pages.empty()) return Error(Reason::ImageInvalid, "PDF: no page");
  std::vector<std::uint8_t> pdf;
  // The first page's size is set again before it is drawn, like every other page's.
  SurfacePtr document(cairo_pdf_surface_create_for_stream(appendToVector, &pdf, 595, 842));
  if (cairo_surface_status(document.get()) != CAIRO_STATUS_SUCCESS) {
    return Error(Reason::Internal, "PDF: cairo cannot create a document");
  }
  for (std::size_t index = 0; index < pages.size(); ++index) {
    const PdfPageSource& source = pages[index];
    if (source.resolutionDpi < kMinDpi || source.resolutionDpi > kMaxDpi) {
      return pageError(index, "resolution outside 50–2400 dpi");
    }
    // Decoded even when the JPEG is passed through: a damaged file must not reach a case file.
    const Result<DecodedPage> page = decodePage(source.image, limits);
    if (!page.ok()) return pageError(index, page.error().detail());
    const Raster& raster = page->raster;
    const double pointsPerPixel = kPointsPerInch / source.resolutionDpi;
    cairo_pdf_surface_set_size(document.get(), raster.width * pointsPerPixel,
                               raster.height * pointsPerPixel);

    SurfacePtr image = imageSurfaceFor(raster);
    if (cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS) {
      return Error(Reason::Internal, "PDF: cairo cannot hold the page image");
    }
    if (page->source == PageSourceFormat::Jpeg) {
      // The JPEG is embedded as is (DCTDecode): no second lossy pass, and the PDF is the size of
      // the scans. The bytes outlive the surface (the caller's span, document finished below).
      cairo_surface_set_mime_data(image.get(), CAIRO_MIME_TYPE_JPEG, source.image.data(),
                                  source.image.size(), nullptr, nullptr);
    }
    ContextPtr context(cairo_create(document.get()));
    cairo_scale(context.get(), pointsPerPixel, pointsPerPixel);
    cairo_set_source_surface(context.get(), image.get(), 0, 0);
    cairo_paint(context.get());
    cairo_show_page(context.get());
    if (cairo_status(context.get()) != CAIRO_STATUS_SUCCESS) {
      return Error(Reason::Internal, "PDF: cairo cannot draw the page");
    }
  }
  cairo_surface_finish(document.get());
  if (cairo_surface_status(document.get()) != CAIRO_STATUS_SUCCESS) {
    return Error(Reason::Internal, "PDF: cairo cannot write the document");
  }
  document.reset();
  return pdf;
}

}  // namespace onestop::imaging
