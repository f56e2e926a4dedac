#pragma once

#include <pango/pangocairo.h>

#include <map>
#include <memory>
#include <string>

#include "form_template.hpp"
#include "onestop/common/result.hpp"

namespace onestop::forms {

struct LayoutUnref {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::shared_ptr<PangoLayout>;

// Pango text layout in points, independent of the output: one font map and context per thread
// (Pango's are not thread-safe), 72 dpi so a Pango unit is 1/1024 pt, hinting and glyph-position
// rounding off so the PDF and every PNG resolution share the same line breaks and positions.
class TextShaper {
 public:
  static TextShaper& forThisThread();
  ~TextShaper();
  TextShaper(const TextShaper&) = delete;
  TextShaper& operator=(const TextShaper&) = delete;

  // `markup` is Pango markup whose data values are already escaped. widthPt ≤ 0: one line.
  // `templateOnly`: the text holds no data (a label, a header, a digit), so this thread may keep
  // the layout and hand it out again: most of a form is the same on every render. Text with
  // citizen data is never kept.
  Result<LayoutPtr> layout(const std::string& markup, const TextStyle& style, double widthPt,
                           Align align, bool templateOnly = false);

 private:
  TextShaper();
  const PangoFontDescription* fontFor(const TextStyle& style);

  PangoFontMap* fontMap_ = nullptr;
  PangoContext* context_ = nullptr;
  std::map<std::string, PangoFontDescription*> fonts_;
  std::map<std::string, LayoutPtr> templateLayouts_;
};

double layoutWidthPt(PangoLayout* layout);
double layoutHeightPt(PangoLayout* layout);
// The baseline of the first line, from the layout's top.
double firstBaselinePt(PangoLayout* layout);

}  // namespace onestop::forms
