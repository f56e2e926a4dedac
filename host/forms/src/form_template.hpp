#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "data_binding.hpp"
#include "onestop/common/result.hpp"

namespace onestop::forms {

// The parsed, validated form of a template file (docs/forms.md). Lengths are in millimetres as
// written; the layout converts them to points.

enum class Align { Left, Center, Right, Justify };

enum class ElementKind {
  Text,        // a paragraph with {{key}} placeholders
  Field,       // label + value on a dotted line, wrapping onto further dotted lines
  DigitBoxes,  // label + one box per digit (the 12-digit ID number)
  Checkbox,    // a box ticked when the bound value matches
  Table,       // a grid bound to an array of objects
  List,        // numbered or bulleted paragraphs bound to an array of strings
  Line,        // a horizontal rule
  Qr,          // a QR code of a string value, drawn as vector squares
  Space,       // vertical space
  Columns,     // side-by-side groups, each flowing its own elements
};

struct TextStyle {
  std::string family;  // a fontconfig family list: "Liberation Serif, DejaVu Serif"
  double sizePt = 12;
  bool bold = false;
  bool italic = false;
};

struct TableColumn {
  std::string header;
  std::string cell;  // placeholder text resolved against the row ("{{full_name}}", "{{#}}")
  std::vector<TextPiece> cellPieces;
  double widthMm = 0;
  Align align = Align::Left;
};

struct Element;
using Elements = std::vector<Element>;

struct Column {
  double widthMm = 0;
  Elements elements;
};

struct Element {
  ElementKind kind = ElementKind::Text;
  std::string where;  // "pages[0][3]" — for problems and data errors

  // Placement (all kinds). x is from the left edge of the enclosing region; y (absolute, from the
  // top margin) moves the flow cursor there first; width defaults to the rest of the region.
  double xMm = 0;
  std::optional<double> yMm;
  std::optional<double> widthMm;
  double spaceBeforeMm = 0;
  double spaceAfterMm = 0;
  Align align = Align::Left;
  std::string ifKey;      // drawn only when this value is truthy
  std::string unlessKey;  // drawn only when this value is not truthy
  TextStyle style;

  // text, field, digit_boxes, checkbox
  std::string text;               // text: the paragraph; field/digit_boxes/checkbox: the label
  std::vector<TextPiece> pieces;  // `text`, split into literals and placeholders
  bool markup = false;            // text: the template's own literal text is Pango markup
  std::string note;  // field/digit_boxes: a note mark after the label, printed as "(n)"
  std::string key;   // the data key the element is bound to
  bool valueBold = false;
  int minLines = 1;                 // field: dotted lines printed even when the value is shorter
  int count = 12;                   // digit_boxes
  double boxMm = 6;                 // digit_boxes, checkbox: the box's side
  std::optional<std::string> when;  // checkbox: ticked when value == when (or contains it)

  // table
  std::vector<TableColumn> columns;
  int minRows = 0;
  double rowHeightMm = 7;
  std::string numbering = "number";  // list: "number" or "bullet"

  // line
  double thicknessPt = 0.6;
  std::string lineStyle = "solid";  // "solid", "dotted", "dashed"

  // qr
  double sizeMm = 30;

  // space
  double heightMm = 0;

  // columns
  std::vector<Column> groups;
  double gapMm = 0;
};

struct Margins {
  double topMm = 15;
  double rightMm = 15;
  double bottomMm = 15;
  double leftMm = 20;
};

struct FormTemplate {
  std::string id;
  std::string version;
  nlohmann::json title;
  std::string source;  // the file it came from
  double pageWidthMm = 210;
  double pageHeightMm = 297;
  Margins margins;
  double spacingMm = 1;  // between flowing elements
  TextStyle baseStyle;
  std::vector<Elements> pages;
};

// Parses and validates a template's JSON text. The error's detail is "where: why".
Result<std::shared_ptr<const FormTemplate>> parseFormTemplate(const std::string& jsonText,
                                                              const std::string& source);

}  // namespace onestop::forms
