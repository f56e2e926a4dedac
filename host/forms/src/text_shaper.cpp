#include "text_shaper.hpp"

#include "onestop/common/error.hpp"

namespace onestop::forms {

TextShaper& TextShaper::forThisThread() {
  thread_local TextShaper shaper;
  return shaper;
}

TextShaper::TextShaper() {
  fontMap_ = pango_cairo_font_map_new();
  context_ = pango_font_map_create_context(fontMap_);
  pango_cairo_context_set_resolution(context_, 72.0);
  pango_context_set_round_glyph_positions(context_, FALSE);
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context_, options);
  cairo_font_options_destroy(options);
}

TextShaper::~TextShaper() {
  templateLayouts_.clear();  // layouts before the context they were made with
  for (auto& [key, font] : fonts_) pango_font_description_free(font);
  g_object_unref(context_);
  g_object_unref(fontMap_);
}

const PangoFontDescription* TextShaper::fontFor(const TextStyle& style) {
  const std::string key = style.family + "|" + std::to_string(style.sizePt) + "|" +
                          (style.bold ? "b" : "") + (style.italic ? "i" : "");
  const auto found = fonts_.find(key);
  if (found != fonts_.end()) return found->second;
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, style.family.c_str());
  pango_font_description_set_size(font, static_cast<gint>(style.sizePt * PANGO_SCALE));
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  fonts_.emplace(key, font);
  return font;
}

namespace {
// Enough for every constant text of a dozen forms; past it the cache starts over (bounded memory).
constexpr std::size_t kMaxTemplateLayouts = 2048;
}  // namespace

Result<LayoutPtr> TextShaper::layout(const std::string& markup, const TextStyle& style,
                                     double widthPt, Align align, bool templateOnly) {
  std::string cacheKey;
  if (templateOnly) {
    cacheKey = markup + '\x1f' + style.family + '\x1f' + std::to_string(style.sizePt) +
               (style.bold ? "b" : "") + (style.italic ? "i" : "") + '\x1f' +
               std::to_string(widthPt) + '\x1f' + std::to_string(static_cast<int>(align));
    const auto cached = templateLayouts_.find(cacheKey);
    if (cached != templateLayouts_.end()) return cached->second;
  }
  PangoAttrList* attributes = nullptr;
  char* text = nullptr;
  GError* error = nullptr;
  if (pango_parse_markup(markup.c_str(), static_cast<int>(markup.size()), 0, &attributes, &text,
                         nullptr, &error) == FALSE) {
    // The detail names the problem, not the text: the text may hold a citizen's data.
    std::string why = error != nullptr ? error->message : "unknown";
    if (error != nullptr) g_error_free(error);
    return Error(Reason::Internal, "form text is not valid Pango markup: " + why);
  }
  LayoutPtr layout(pango_layout_new(context_), LayoutUnref{});
  pango_layout_set_font_description(layout.get(), fontFor(style));
  pango_layout_set_text(layout.get(), text, -1);
  pango_layout_set_attributes(layout.get(), attributes);
  pango_attr_list_unref(attributes);
  g_free(text);
  if (widthPt > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(widthPt * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  }
  switch (align) {
    case Align::Left:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
      break;
    case Align::Center:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
      break;
    case Align::Right:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
      break;
    case Align::Justify:
      pango_layout_set_alignment(layout.get(), PANGO_ALIGN_LEFT);
      pango_layout_set_justify(layout.get(), TRUE);
      break;
  }
  if (templateOnly) {
    if (templateLayouts_.size() >= kMaxTemplateLayouts) templateLayouts_.clear();
    templateLayouts_.emplace(std::move(cacheKey), layout);
  }
  return layout;
}

double layoutWidthPt(PangoLayout* layout) {
  int width = 0;
  int height = 0;
  pango_layout_get_size(layout, &width, &height);
  return static_cast<double>(width) / PANGO_SCALE;
}

double layoutHeightPt(PangoLayout* layout) {
  int width = 0;
  int height = 0;
  pango_layout_get_size(layout, &width, &height);
  return static_cast<double>(height) / PANGO_SCALE;
}

double firstBaselinePt(PangoLayout* layout) {
  return static_cast<double>(pango_layout_get_baseline(layout)) / PANGO_SCALE;
}

}  // namespace onestop::forms
