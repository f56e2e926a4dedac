#include "page_output.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <memory>

#include "onestop/common/error.hpp"

namespace onestop::forms {
namespace {

struct SurfaceDeleter {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextDeleter {
  void operator()(cairo_t* context) const { cairo_destroy(context); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using ContextPtr = std::unique_ptr<cairo_t, ContextDeleter>;

cairo_status_t appendToVector(void* closure, const unsigned char* data, unsigned int length) {
  auto* bytes = static_cast<std::vector<std::uint8_t>*>(closure);
  bytes->insert(bytes->end(), data, data + length);
  return CAIRO_STATUS_SUCCESS;
}

void setDash(cairo_t* cr, Dash dash, double widthPt) {
  switch (dash) {
    case Dash::Solid:
      cairo_set_dash(cr, nullptr, 0, 0);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
      break;
    case Dash::Dotted: {
      // Zero-length dashes with round caps are round dots, the look of a form's fill line.
      const double pattern[] = {0, widthPt * 3.2};
      cairo_set_dash(cr, pattern, 2, 0);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
      break;
    }
    case Dash::Dashed: {
      const double pattern[] = {3, 2};
      cairo_set_dash(cr, pattern, 2, 0);
      cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
      break;
    }
  }
}

void paintPage(cairo_t* cr, const PageDrawing& page) {
  cairo_set_source_rgb(cr, 0, 0, 0);
  for (const DrawOp& op : page.ops) {
    if (const auto* text = std::get_if<TextOp>(&op)) {
      cairo_move_to(cr, text->x, text->y);
      pango_cairo_show_layout(cr, text->layout.get());
    } else if (const auto* line = std::get_if<LineOp>(&op)) {
      cairo_set_line_width(cr, line->widthPt);
      setDash(cr, line->dash, line->widthPt);
      cairo_move_to(cr, line->x1, line->y1);
      cairo_line_to(cr, line->x2, line->y2);
      cairo_stroke(cr);
    } else if (const auto* rect = std::get_if<RectOp>(&op)) {
      cairo_rectangle(cr, rect->x, rect->y, rect->width, rect->height);
      if (rect->filled) {
        cairo_fill(cr);
      } else {
        cairo_set_line_width(cr, rect->lineWidthPt);
        setDash(cr, Dash::Solid, rect->lineWidthPt);
        cairo_stroke(cr);
      }
    }
  }
}

}  // namespace

Result<std::vector<std::uint8_t>> writePdf(const std::vector<const PageDrawing*>& pages,
                                           const std::string& title) {
  std::vector<std::uint8_t> pdf;
  SurfacePtr document(
      cairo_pdf_surface_create_for_stream(appendToVector, &pdf, kA4WidthPt, kA4HeightPt));
  if (cairo_surface_status(document.get()) != CAIRO_STATUS_SUCCESS) {
    return Error(Reason::Internal, "form PDF: cairo cannot create a document");
  }
  cairo_pdf_surface_set_metadata(document.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(document.get(), CAIRO_PDF_METADATA_CREATOR, "onestop");
  ContextPtr context(cairo_create(document.get()));
  for (const PageDrawing* page : pages) {
    paintPage(context.get(), *page);
    cairo_show_page(context.get());
  }
  if (cairo_status(context.get()) != CAIRO_STATUS_SUCCESS) {
    return Error(Reason::Internal, "form PDF: cairo cannot draw a page");
  }
  context.reset();
  cairo_surface_finish(document.get());
  if (cairo_surface_status(document.get()) != CAIRO_STATUS_SUCCESS) {
    return Error(Reason::Internal, "form PDF: cairo cannot write the document");
  }
  document.reset();
  return pdf;
}

Result<std::vector<std::uint8_t>> writePng(const PageDrawing& page, int dpi) {
  const double scale = dpi / 72.0;
  const int width = static_cast<int>(std::lround(kA4WidthPt * scale));
  const int height = static_cast<int>(std::lround(kA4HeightPt * scale));
  SurfacePtr image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  if (cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS) {
    return Error(Reason::Internal, "form PNG: cairo cannot create the image");
  }
  ContextPtr context(cairo_create(image.get()));
  cairo_set_source_rgb(context.get(), 1, 1, 1);
  cairo_paint(context.get());
  cairo_scale(context.get(), scale, scale);
  paintPage(context.get(), page);
  if (cairo_status(context.get()) != CAIRO_STATUS_SUCCESS) {
    return Error(Reason::Internal, "form PNG: cairo cannot draw the page");
  }
  context.reset();
  std::vector<std::uint8_t> png;
  if (cairo_surface_write_to_png_stream(image.get(), appendToVector, &png) !=
      CAIRO_STATUS_SUCCESS) {
    return Error(Reason::Internal, "form PNG: cairo cannot encode the image");
  }
  return png;
}

}  // namespace onestop::forms
