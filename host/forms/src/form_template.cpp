#include "form_template.hpp"

#include <set>
#include <string_view>
#include <utility>

#include "onestop/common/error.hpp"

namespace onestop::forms {
namespace {

using Json = nlohmann::json;

// Template errors are collected as exceptions inside the parser (one per template, the first
// found) and turned into one Error at the boundary: the recursion stays readable.
struct TemplateInvalid {
  std::string where;
  std::string why;
};

[[noreturn]] void fail(const std::string& where, const std::string& why) {
  throw TemplateInvalid{where, why};
}

const std::set<std::string, std::less<>> kCommonProperties = {
    "type", "x",      "y",    "width", "space_before", "space_after", "align",
    "if",   "unless", "size", "bold",  "italic",       "family"};

const std::set<std::string, std::less<>>& propertiesOf(ElementKind kind) {
  static const std::set<std::string, std::less<>> text = {"text", "markup", "note"};
  static const std::set<std::string, std::less<>> field = {"label", "key", "note", "value_bold",
                                                           "min_lines"};
  static const std::set<std::string, std::less<>> digits = {"label", "key", "note", "count", "box"};
  static const std::set<std::string, std::less<>> checkbox = {"label", "key", "when", "box"};
  static const std::set<std::string, std::less<>> table = {"key", "columns", "min_rows",
                                                           "row_height"};
  static const std::set<std::string, std::less<>> list = {"key", "numbering"};
  static const std::set<std::string, std::less<>> line = {"thickness", "dash"};
  static const std::set<std::string, std::less<>> qr = {"key", "size"};
  static const std::set<std::string, std::less<>> space = {"height"};
  static const std::set<std::string, std::less<>> columns = {"columns", "gap"};
  switch (kind) {
    case ElementKind::Text:
      return text;
    case ElementKind::Field:
      return field;
    case ElementKind::DigitBoxes:
      return digits;
    case ElementKind::Checkbox:
      return checkbox;
    case ElementKind::Table:
      return table;
    case ElementKind::List:
      return list;
    case ElementKind::Line:
      return line;
    case ElementKind::Qr:
      return qr;
    case ElementKind::Space:
      return space;
    case ElementKind::Columns:
      return columns;
  }
  return text;
}

ElementKind kindFromName(const std::string& name, const std::string& where) {
  static const std::pair<std::string_view, ElementKind> kKinds[] = {
      {"text", ElementKind::Text},
      {"field", ElementKind::Field},
      {"digit_boxes", ElementKind::DigitBoxes},
      {"checkbox", ElementKind::Checkbox},
      {"table", ElementKind::Table},
      {"list", ElementKind::List},
      {"line", ElementKind::Line},
      {"qr", ElementKind::Qr},
      {"space", ElementKind::Space},
      {"columns", ElementKind::Columns}};
  for (const auto& [known, kind] : kKinds) {
    if (name == known) return kind;
  }
  fail(where + ".type", "unknown element type \"" + name +
                            "\" (text, field, digit_boxes, checkbox, table, list, line, qr, "
                            "space, columns)");
}

const Json& member(const Json& object, const char* name, const std::string& where) {
  const auto found = object.find(name);
  if (found == object.end()) fail(where, std::string("missing \"") + name + "\"");
  return *found;
}

std::string stringOf(const Json& value, const std::string& where) {
  if (!value.is_string()) fail(where, "must be a string");
  return value.get<std::string>();
}

std::string optionalString(const Json& object, const char* name, const std::string& where,
                           std::string fallback = {}) {
  const auto found = object.find(name);
  return found == object.end() ? fallback : stringOf(*found, where + "." + name);
}

bool optionalBool(const Json& object, const char* name, const std::string& where, bool fallback) {
  const auto found = object.find(name);
  if (found == object.end()) return fallback;
  if (!found->is_boolean()) fail(where + "." + name, "must be true or false");
  return found->get<bool>();
}

// A length or size: a number ≥ minimum (> minimum when strict), ≤ maximum.
double numberOf(const Json& value, const std::string& where, double minimum, bool strict,
                double maximum) {
  if (!value.is_number()) fail(where, "must be a number");
  const double number = value.get<double>();
  if (strict ? number <= minimum : number < minimum) {
    fail(where, std::string("must be ") + (strict ? "> " : "≥ ") + std::to_string(minimum));
  }
  if (number > maximum) fail(where, "must be ≤ " + std::to_string(maximum));
  return number;
}

double optionalNumber(const Json& object, const char* name, const std::string& where,
                      double fallback, double minimum, bool strict, double maximum) {
  const auto found = object.find(name);
  return found == object.end() ? fallback
                               : numberOf(*found, where + "." + name, minimum, strict, maximum);
}

Align alignOf(const Json& object, const std::string& where, Align fallback) {
  const std::string name = optionalString(object, "align", where);
  if (name.empty()) return fallback;
  if (name == "left") return Align::Left;
  if (name == "center") return Align::Center;
  if (name == "right") return Align::Right;
  if (name == "justify") return Align::Justify;
  fail(where + ".align", "must be left, center, right or justify");
}

std::vector<TextPiece> piecesOf(const std::string& text, const std::string& where) {
  Result<std::vector<TextPiece>> pieces = splitPlaceholders(text);
  if (!pieces.ok()) fail(where, pieces.error().detail());
  return std::move(pieces).value();
}

std::string keyOf(const Json& object, const std::string& where) {
  const std::string key = stringOf(member(object, "key", where), where + ".key");
  Result<std::vector<TextPiece>> pieces = splitPlaceholders("{{" + key + "}}");
  if (!pieces.ok() || key == "#") fail(where + ".key", "not a key (letters, digits, _ and .)");
  return key;
}

class TemplateParser {
 public:
  explicit TemplateParser(const FormTemplate& form) : form_(form) {}

  Elements elements(const Json& list, const std::string& where, const TextStyle& style,
                    double regionMm) {
    if (!list.is_array()) fail(where, "must be an array of elements");
    Elements out;
    for (std::size_t i = 0; i < list.size(); ++i) {
      out.push_back(element(list[i], where + "[" + std::to_string(i) + "]", style, regionMm));
    }
    return out;
  }

 private:
  Element element(const Json& json, const std::string& where, const TextStyle& inherited,
                  double regionMm) {
    if (!json.is_object()) fail(where, "must be an object");
    Element e;
    e.where = where;
    e.kind = kindFromName(stringOf(member(json, "type", where), where + ".type"), where);
    const auto& own = propertiesOf(e.kind);
    for (const auto& [name, value] : json.items()) {
      if (kCommonProperties.count(name) == 0 && own.count(name) == 0) {
        fail(where + "." + name, "unknown property for a " + json["type"].get<std::string>());
      }
    }
    e.xMm = optionalNumber(json, "x", where, 0, 0, false, regionMm);
    if (json.contains("y")) e.yMm = numberOf(json["y"], where + ".y", 0, false, contentHeight());
    if (json.contains("width")) {
      e.widthMm = numberOf(json["width"], where + ".width", 0, true, regionMm);
      if (e.xMm + *e.widthMm > regionMm + 0.01) {
        fail(where + ".width",
             "x + width runs past the region (" + std::to_string(regionMm) + " mm)");
      }
    }
    const double widthMm = e.widthMm.value_or(regionMm - e.xMm);
    e.spaceBeforeMm = optionalNumber(json, "space_before", where, 0, 0, false, 300);
    e.spaceAfterMm = optionalNumber(json, "space_after", where, 0, 0, false, 300);
    e.align = alignOf(json, where, Align::Left);
    e.ifKey = json.contains("if") ? keyOf({{"key", json["if"]}}, where + ".if") : "";
    e.unlessKey =
        json.contains("unless") ? keyOf({{"key", json["unless"]}}, where + ".unless") : "";
    e.style = inherited;
    e.style.family = optionalString(json, "family", where, inherited.family);
    e.style.sizePt = optionalNumber(json, "size", where, inherited.sizePt, 0, true, 72);
    e.style.bold = optionalBool(json, "bold", where, inherited.bold);
    e.style.italic = optionalBool(json, "italic", where, inherited.italic);

    switch (e.kind) {
      case ElementKind::Text:
        e.text = stringOf(member(json, "text", where), where + ".text");
        e.pieces = piecesOf(e.text, where + ".text");
        e.markup = optionalBool(json, "markup", where, false);
        e.note = optionalString(json, "note", where);
        break;
      case ElementKind::Field:
      case ElementKind::DigitBoxes:
      case ElementKind::Checkbox:
        e.text = optionalString(json, "label", where);
        e.pieces = piecesOf(e.text, where + ".label");
        e.key = keyOf(json, where);
        e.note = optionalString(json, "note", where);
        e.valueBold = optionalBool(json, "value_bold", where, false);
        e.minLines = static_cast<int>(optionalNumber(json, "min_lines", where, 1, 1, false, 40));
        e.count = static_cast<int>(optionalNumber(json, "count", where, 12, 1, false, 40));
        e.boxMm = optionalNumber(json, "box", where, e.kind == ElementKind::Checkbox ? 3.5 : 6, 1,
                                 false, 30);
        if (json.contains("when")) e.when = stringOf(json["when"], where + ".when");
        if (e.kind == ElementKind::DigitBoxes && e.count * e.boxMm > widthMm) {
          fail(where + ".count", "the boxes are wider than the element");
        }
        break;
      case ElementKind::Table:
        tableElement(json, where, e, widthMm);
        break;
      case ElementKind::List:
        e.key = keyOf(json, where);
        e.numbering = optionalString(json, "numbering", where, "number");
        if (e.numbering != "number" && e.numbering != "bullet") {
          fail(where + ".numbering", "must be number or bullet");
        }
        break;
      case ElementKind::Line:
        e.thicknessPt = optionalNumber(json, "thickness", where, 0.6, 0, true, 10);
        e.lineStyle = optionalString(json, "dash", where, "solid");
        if (e.lineStyle != "solid" && e.lineStyle != "dotted" && e.lineStyle != "dashed") {
          fail(where + ".dash", "must be solid, dotted or dashed");
        }
        break;
      case ElementKind::Qr:
        e.key = keyOf(json, where);
        e.sizeMm = optionalNumber(json, "size", where, 30, 5, false, widthMm);
        break;
      case ElementKind::Space:
        e.heightMm =
            numberOf(member(json, "height", where), where + ".height", 0, false, contentHeight());
        break;
      case ElementKind::Columns:
        columnsElement(json, where, e, widthMm);
        break;
    }
    return e;
  }

  void tableElement(const Json& json, const std::string& where, Element& e, double widthMm) {
    e.key = keyOf(json, where);
    e.minRows = static_cast<int>(optionalNumber(json, "min_rows", where, 0, 0, false, 60));
    e.rowHeightMm = optionalNumber(json, "row_height", where, 7, 2, false, 100);
    const Json& columns = member(json, "columns", where);
    if (!columns.is_array() || columns.empty())
      fail(where + ".columns", "must be a non-empty array");
    double total = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::string at = where + ".columns[" + std::to_string(i) + "]";
      const Json& column = columns[i];
      if (!column.is_object()) fail(at, "must be an object");
      for (const auto& [name, value] : column.items()) {
        if (name != "header" && name != "key" && name != "text" && name != "width" &&
            name != "align") {
          fail(at + "." + name, "unknown property for a table column");
        }
      }
      TableColumn c;
      c.header = optionalString(column, "header", at);
      c.widthMm = numberOf(member(column, "width", at), at + ".width", 0, true, widthMm);
      c.align = alignOf(column, at, Align::Left);
      if (column.contains("key") == column.contains("text")) {
        fail(at, "needs exactly one of \"key\" and \"text\"");
      }
      c.cell = column.contains("key") ? "{{" + keyOf(column, at) + "}}"
                                      : stringOf(column["text"], at + ".text");
      c.cellPieces = piecesOf(c.cell, at + ".text");
      total += c.widthMm;
      e.columns.push_back(std::move(c));
    }
    if (total > widthMm + 0.01) {
      fail(where + ".columns", "the columns' widths add up to more than the element's width");
    }
  }

  void columnsElement(const Json& json, const std::string& where, Element& e, double widthMm) {
    e.gapMm = optionalNumber(json, "gap", where, 4, 0, false, widthMm);
    const Json& groups = member(json, "columns", where);
    if (!groups.is_array() || groups.empty()) fail(where + ".columns", "must be a non-empty array");
    double total = 0;
    for (std::size_t i = 0; i < groups.size(); ++i) {
      const std::string at = where + ".columns[" + std::to_string(i) + "]";
      const Json& group = groups[i];
      if (!group.is_object()) fail(at, "must be an object");
      for (const auto& [name, value] : group.items()) {
        if (name != "width" && name != "elements") fail(at + "." + name, "unknown property");
      }
      Column column;
      column.widthMm = numberOf(member(group, "width", at), at + ".width", 0, true, widthMm);
      column.elements =
          elements(member(group, "elements", at), at + ".elements", e.style, column.widthMm);
      total += column.widthMm + (i == 0 ? 0 : e.gapMm);
      e.groups.push_back(std::move(column));
    }
    if (total > widthMm + 0.01) {
      fail(where + ".columns", "the columns and gaps add up to more than the element's width");
    }
  }

  [[nodiscard]] double contentHeight() const {
    return form_.pageHeightMm - form_.margins.topMm - form_.margins.bottomMm;
  }

  const FormTemplate& form_;
};

void parseHeader(const Json& json, FormTemplate& form) {
  for (const auto& [name, value] : json.items()) {
    static const std::set<std::string, std::less<>> kTop = {
        "id", "version", "title", "page", "fonts", "pages", "description"};
    if (kTop.count(name) == 0) fail(name, "unknown top-level property");
  }
  form.id = stringOf(member(json, "id", "template"), "id");
  if (form.id.empty() || form.id.find_first_of("@/ ") != std::string::npos) {
    fail("id", "must be a non-empty name without '@', '/' or spaces");
  }
  form.version = stringOf(member(json, "version", "template"), "version");
  form.title = member(json, "title", "template");
  if (!form.title.is_object() || !form.title.contains("vi") || !form.title.contains("en") ||
      !form.title["vi"].is_string() || !form.title["en"].is_string()) {
    fail("title", "must be {\"vi\": \"…\", \"en\": \"…\"}");
  }
  const Json& page = member(json, "page", "template");
  if (!page.is_object()) fail("page", "must be an object");
  if (optionalString(page, "size", "page", "A4") != "A4") fail("page.size", "only A4 is supported");
  if (page.contains("margins")) {
    const Json& margins = page["margins"];
    if (!margins.is_object()) fail("page.margins", "must be an object");
    form.margins.topMm = optionalNumber(margins, "top", "page.margins", 15, 0, false, 100);
    form.margins.rightMm = optionalNumber(margins, "right", "page.margins", 15, 0, false, 80);
    form.margins.bottomMm = optionalNumber(margins, "bottom", "page.margins", 15, 0, false, 100);
    form.margins.leftMm = optionalNumber(margins, "left", "page.margins", 20, 0, false, 80);
  }
  form.spacingMm = optionalNumber(page, "spacing", "page", 1, 0, false, 50);
  form.baseStyle.family = "Liberation Serif, DejaVu Serif";
  if (json.contains("fonts")) {
    const Json& fonts = json["fonts"];
    if (!fonts.is_object()) fail("fonts", "must be an object");
    form.baseStyle.family = optionalString(fonts, "family", "fonts", form.baseStyle.family);
    form.baseStyle.sizePt = optionalNumber(fonts, "size", "fonts", 12, 0, true, 72);
  }
}

}  // namespace

Result<std::shared_ptr<const FormTemplate>> parseFormTemplate(const std::string& jsonText,
                                                              const std::string& source) {
  Json json;
  try {
    json = Json::parse(jsonText);
  } catch (const Json::parse_error& error) {
    return Error(Reason::ValidationFailed, std::string("not JSON: ") + error.what());
  }
  if (!json.is_object()) return Error(Reason::ValidationFailed, "the template must be an object");
  auto form = std::make_shared<FormTemplate>();
  form->source = source;
  try {
    parseHeader(json, *form);
    const Json& pages = member(json, "pages", "template");
    if (!pages.is_array() || pages.empty()) fail("pages", "must be a non-empty array of pages");
    const double contentWidth = form->pageWidthMm - form->margins.leftMm - form->margins.rightMm;
    TemplateParser parser(*form);
    for (std::size_t i = 0; i < pages.size(); ++i) {
      form->pages.push_back(parser.elements(pages[i], "pages[" + std::to_string(i) + "]",
                                            form->baseStyle, contentWidth));
    }
  } catch (const TemplateInvalid& invalid) {
    return Error(Reason::ValidationFailed, invalid.where + ": " + invalid.why);
  } catch (const Json::exception& error) {  // a type mismatch the checks above did not foresee
    return Error(Reason::ValidationFailed, std::string("template: ") + error.what());
  }
  return std::shared_ptr<const FormTemplate>(std::move(form));
}

}  // namespace onestop::forms
