#include "element_blocks.hpp"

#include <algorithm>
#include <cctype>

#include "onestop/common/error.hpp"
#include "qr_modules.hpp"

namespace onestop::forms {
namespace {

using Json = nlohmann::json;

constexpr double kDotGapPt = 1.0;         // between the text and the first dot
constexpr double kDotsBelowBaseline = 2;  // the dotted line sits just under the baseline
constexpr double kCellPaddingMm = 1.2;
constexpr double kListIndentMm = 6;

Result<LayoutPtr> shape(const std::string& markup, const TextStyle& style, double widthPt,
                        Align align) {
  return TextShaper::forThisThread().layout(markup, style, widthPt, align);
}

// Text made only of the template's own words (no data): the thread may reuse its layout.
Result<LayoutPtr> shapeTemplateText(const std::string& markup, const TextStyle& style,
                                    double widthPt, Align align) {
  return TextShaper::forThisThread().layout(markup, style, widthPt, align, true);
}

bool hasPlaceholders(const std::vector<TextPiece>& pieces) {
  return std::any_of(pieces.begin(), pieces.end(),
                     [](const TextPiece& piece) { return piece.isPlaceholder; });
}

// "Họ, chữ đệm và tên chủ hộ(2)" as markup: the text's placeholders expanded and escaped, the
// note raised like the printed form's superscript (a small rise: pdftotext keeps it on the line).
Result<std::string> labelMarkup(const Element& e, const DataView& view) {
  Result<std::string> label = expandText(e.pieces, view, true, e.markup);
  if (!label.ok()) return label.error();
  if (!e.note.empty()) {
    *label += "<span size=\"smaller\" rise=\"3000\">(" + escapeMarkup(e.note) + ")</span>";
  }
  return label;
}

Result<std::vector<Block>> fieldBlocks(const Element& e, const DataView& view, double widthPt) {
  Result<std::string> label = labelMarkup(e, view);
  if (!label.ok()) return label.error();
  Result<std::string> value = view.text(e.key);
  if (!value.ok()) return value.error();
  std::string markup = *label + (label->empty() ? "" : ": ");
  markup += e.valueBold ? "<b>" + escapeMarkup(*value) + "</b>" : escapeMarkup(*value);
  Result<LayoutPtr> layout = shape(markup, e.style, widthPt, Align::Left);
  if (!layout.ok()) return layout.error();
  PangoLayout* shaped = layout->get();

  // Where the value starts: every byte of the value (escaping aside) is in the layout's text.
  const int textBytes =
      static_cast<int>(std::char_traits<char>::length(pango_layout_get_text(shaped)));
  const int valueStart = textBytes - static_cast<int>(value->size());
  int valueLine = 0;
  int valueX = 0;
  pango_layout_index_to_line_x(shaped, valueStart, FALSE, &valueLine, &valueX);

  Block block;
  block.add(TextOp{*layout, 0, 0});
  const int lines = pango_layout_get_line_count(shaped);
  double lastBaseline = 0;
  PangoLayoutIter* iter = pango_layout_get_iter(shaped);
  int index = 0;
  do {
    lastBaseline = static_cast<double>(pango_layout_iter_get_baseline(iter)) / PANGO_SCALE;
    if (index >= valueLine) {
      const double from =
          index == valueLine ? static_cast<double>(valueX) / PANGO_SCALE + kDotGapPt : 0;
      if (from < widthPt) {
        block.add(LineOp{from, lastBaseline + kDotsBelowBaseline, widthPt,
                         lastBaseline + kDotsBelowBaseline, 0.7, Dash::Dotted});
      }
    }
    ++index;
  } while (pango_layout_iter_next_line(iter) != FALSE);
  pango_layout_iter_free(iter);

  const double height = layoutHeightPt(shaped);
  const double lineHeight = height / std::max(lines, 1);
  for (int extra = lines; extra < e.minLines; ++extra) {
    lastBaseline += lineHeight;
    block.add(LineOp{0, lastBaseline + kDotsBelowBaseline, widthPt,
                     lastBaseline + kDotsBelowBaseline, 0.7, Dash::Dotted});
  }
  block.height = std::max(height, lineHeight * e.minLines);
  return std::vector<Block>{std::move(block)};
}

Result<std::vector<Block>> digitBoxBlocks(const Element& e, const DataView& view, double widthPt) {
  Result<std::string> label = labelMarkup(e, view);
  if (!label.ok()) return label.error();
  Result<std::string> value = view.text(e.key);
  if (!value.ok()) return value.error();
  Result<std::vector<std::string>> cells = digitCells(*value, e.count, view.pathOf(e.key));
  if (!cells.ok()) return cells.error();

  const double boxWidth = mmToPt(e.boxMm);
  const double boxHeight = boxWidth * 1.15;
  Result<LayoutPtr> labelLayout =
      hasPlaceholders(e.pieces)
          ? shape(label->empty() ? "" : *label + ":", e.style, -1, Align::Left)
          : shapeTemplateText(label->empty() ? "" : *label + ":", e.style, -1, Align::Left);
  if (!labelLayout.ok()) return labelLayout.error();
  const double labelWidth = label->empty() ? 0 : layoutWidthPt(labelLayout->get());
  double boxesX = labelWidth > 0 ? labelWidth + mmToPt(2) : 0;
  double boxesTop = 0;
  if (boxesX + boxWidth * e.count > widthPt) {  // a long label: the boxes go under it
    boxesX = 0;
    boxesTop = layoutHeightPt(labelLayout->get()) + 1;
  }
  Result<LayoutPtr> probe = shapeTemplateText("0", e.style, boxWidth, Align::Center);
  if (!probe.ok()) return probe.error();
  const double digitTop = (boxHeight - layoutHeightPt(probe->get())) / 2;
  const double baseline = boxesTop + digitTop + firstBaselinePt(probe->get());
  const double labelTop =
      boxesTop > 0 ? 0 : std::max(0.0, baseline - firstBaselinePt(labelLayout->get()));

  Block block;
  if (!label->empty()) block.add(TextOp{*labelLayout, 0, labelTop});
  for (int i = 0; i < e.count; ++i) {
    const double x = boxesX + boxWidth * i;
    block.add(RectOp{x, boxesTop, boxWidth, boxHeight, 0.6, false});
    const std::string& digit = (*cells)[static_cast<std::size_t>(i)];
    if (digit.empty()) continue;
    // One of ten digits: shared like template text, it says nothing on its own.
    Result<LayoutPtr> shaped = shapeTemplateText(digit, e.style, boxWidth, Align::Center);
    if (!shaped.ok()) return shaped.error();
    block.add(TextOp{*shaped, x, boxesTop + digitTop});
  }
  block.height = std::max(boxesTop + boxHeight, labelTop + layoutHeightPt(labelLayout->get()));
  return std::vector<Block>{std::move(block)};
}

bool isTicked(const Element& e, const DataView& view) {
  if (!e.when) return view.truthy(e.key);
  const Json* value = view.find(e.key);
  if (value == nullptr) return false;
  const auto matches = [&](const Json& item) {
    if (item.is_string()) return item.get_ref<const std::string&>() == *e.when;
    if (item.is_boolean() || item.is_number()) return item.dump() == *e.when;
    return false;
  };
  if (value->is_array()) return std::any_of(value->begin(), value->end(), matches);
  return matches(*value);
}

Result<std::vector<Block>> checkboxBlocks(const Element& e, const DataView& view, double widthPt) {
  const Json* value = view.find(e.key);
  if (value != nullptr && value->is_object()) {
    return Error(Reason::ValidationFailed, view.pathOf(e.key) + ": expected a value or an array");
  }
  Result<std::string> label = labelMarkup(e, view);
  if (!label.ok()) return label.error();
  const double box = mmToPt(e.boxMm);
  const double labelX = box + mmToPt(1.5);
  Result<LayoutPtr> labelLayout =
      hasPlaceholders(e.pieces) ? shape(*label, e.style, widthPt - labelX, Align::Left)
                                : shapeTemplateText(*label, e.style, widthPt - labelX, Align::Left);
  if (!labelLayout.ok()) return labelLayout.error();
  const double baseline = firstBaselinePt(labelLayout->get());
  double boxTop = baseline + 0.5 - box;
  const double shift = boxTop < 0 ? -boxTop : 0;
  boxTop += shift;

  Block block;
  block.add(RectOp{0, boxTop, box, box, 0.6, false});
  if (isTicked(e, view)) {
    TextStyle markStyle = e.style;
    markStyle.bold = true;
    markStyle.italic = false;
    markStyle.sizePt = box * 1.05;
    Result<LayoutPtr> mark = shapeTemplateText("X", markStyle, box, Align::Center);
    if (!mark.ok()) return mark.error();
    block.add(TextOp{*mark, 0, boxTop + (box - layoutHeightPt(mark->get())) / 2});
  }
  block.add(TextOp{*labelLayout, labelX, shift});
  block.height = std::max(boxTop + box, shift + layoutHeightPt(labelLayout->get()));
  return std::vector<Block>{std::move(block)};
}

// One table row (or the header): cells laid out, the row as tall as its tallest cell.
Result<Block> tableRow(const std::vector<std::string>& cellMarkup, const Element& e, bool header) {
  const double padding = mmToPt(kCellPaddingMm);
  std::vector<LayoutPtr> layouts;
  double height = mmToPt(e.rowHeightMm);
  TextStyle style = e.style;
  style.bold = style.bold || header;
  for (std::size_t i = 0; i < e.columns.size(); ++i) {
    const TableColumn& column = e.columns[i];
    const double width = mmToPt(column.widthMm) - 2 * padding;
    Result<LayoutPtr> shaped = header
                                   ? shapeTemplateText(cellMarkup[i], style, width, Align::Center)
                                   : shape(cellMarkup[i], style, width, column.align);
    if (!shaped.ok()) return shaped.error();
    height = std::max(height, layoutHeightPt(shaped->get()) + 2 * padding);
    layouts.push_back(*shaped);
  }
  Block row;
  double x = 0;
  for (std::size_t i = 0; i < e.columns.size(); ++i) {
    const double width = mmToPt(e.columns[i].widthMm);
    row.add(RectOp{x, 0, width, height, 0.6, false});
    // Vertically centred, as the printed forms centre their cells.
    row.add(TextOp{layouts[i], x + padding, (height - layoutHeightPt(layouts[i].get())) / 2});
    x += width;
  }
  row.height = height;
  return row;
}

Result<std::vector<Block>> tableBlocks(const Element& e, const DataView& view) {
  Result<std::vector<const Json*>> items = view.array(e.key);
  if (!items.ok()) return items.error();
  std::vector<std::string> headers;
  for (const TableColumn& column : e.columns) headers.push_back(escapeMarkup(column.header));
  Result<Block> header = tableRow(headers, e, true);
  if (!header.ok()) return header.error();
  auto sharedHeader = std::make_shared<const Block>(std::move(header).value());

  std::vector<Block> blocks;
  const std::size_t rows = std::max(items->size(), static_cast<std::size_t>(e.minRows));
  static const Json kBlankRow = Json::object();
  for (std::size_t i = 0; i < rows; ++i) {
    const bool filled = i < items->size();
    const std::string rowPath = view.pathOf(e.key) + "[" + std::to_string(i) + "]";
    const Json& item = filled ? *(*items)[i] : kBlankRow;
    if (!item.is_object()) {
      return Error(Reason::ValidationFailed, rowPath + ": expected an object");
    }
    const DataView rowView = view.withRow(item, rowPath, filled ? static_cast<int>(i) + 1 : 0);
    std::vector<std::string> cells;
    for (const TableColumn& column : e.columns) {
      Result<std::string> cell = expandText(column.cellPieces, rowView, true, false);
      if (!cell.ok()) return cell.error();
      cells.push_back(std::move(cell).value());
    }
    Result<Block> row = tableRow(cells, e, false);
    if (!row.ok()) return row.error();
    row->repeatOnNewPage = sharedHeader;
    blocks.push_back(std::move(row).value());
  }
  // The header travels with the first row, so it is never left alone at a page's foot.
  Block first = *sharedHeader;
  if (!blocks.empty()) {
    first.addBlock(blocks.front(), 0, sharedHeader->height);
    first.height += blocks.front().height;
    blocks.front() = std::move(first);
  } else {
    blocks.push_back(std::move(first));
  }
  return blocks;
}

Result<std::vector<Block>> listBlocks(const Element& e, const DataView& view, double widthPt) {
  Result<std::vector<const Json*>> items = view.array(e.key);
  if (!items.ok()) return items.error();
  const double indent = mmToPt(kListIndentMm);
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const Json& item = *(*items)[i];
    if (!item.is_string() && !item.is_number()) {
      return Error(Reason::ValidationFailed,
                   view.pathOf(e.key) + "[" + std::to_string(i) + "]: expected text");
    }
    const std::string text = item.is_string() ? item.get<std::string>() : item.dump();
    const std::string marker = e.numbering == "number" ? std::to_string(i + 1) + "." : "•";
    Result<LayoutPtr> markerLayout = shapeTemplateText(marker, e.style, indent, Align::Left);
    Result<LayoutPtr> textLayout = shape(escapeMarkup(text), e.style, widthPt - indent, e.align);
    if (!markerLayout.ok()) return markerLayout.error();
    if (!textLayout.ok()) return textLayout.error();
    Block block;
    block.add(TextOp{*markerLayout, 0, 0});
    block.add(TextOp{*textLayout, indent, 0});
    block.height = layoutHeightPt(textLayout->get()) + mmToPt(0.5);
    blocks.push_back(std::move(block));
  }
  return blocks;
}

double alignedX(Align align, double contentPt, double widthPt) {
  if (align == Align::Center) return (widthPt - contentPt) / 2;
  if (align == Align::Right) return widthPt - contentPt;
  return 0;
}

Result<std::vector<Block>> qrBlocks(const Element& e, const DataView& view, double widthPt) {
  Result<std::string> text = view.text(e.key);
  if (!text.ok()) return text.error();
  if (text->empty()) return std::vector<Block>{};
  Result<QrModules> modules = encodeQr(*text, view.pathOf(e.key));
  if (!modules.ok()) return modules.error();
  const double size = mmToPt(e.sizeMm);
  const double module = size / modules->size;
  const double left = alignedX(e.align, size, widthPt);
  Block block;
  // One rectangle per horizontal run of dark modules: fewer ops, no seams inside a run.
  for (int y = 0; y < modules->size; ++y) {
    for (int x = 0; x < modules->size;) {
      if (!modules->at(x, y)) {
        ++x;
        continue;
      }
      int end = x;
      while (end < modules->size && modules->at(end, y)) ++end;
      block.add(RectOp{left + x * module, y * module, (end - x) * module, module, 0, true});
      x = end;
    }
  }
  block.height = size;
  return std::vector<Block>{std::move(block)};
}

}  // namespace

Result<std::vector<std::string>> digitCells(std::string_view value, int count,
                                            const std::string& path) {
  std::vector<std::string> cells(static_cast<std::size_t>(count));
  std::size_t next = 0;
  for (char c : value) {
    if (c == ' ') continue;
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) {
      return Error(Reason::ValidationFailed, path + ": only digits fit in the boxes");
    }
    if (next == cells.size()) {
      return Error(Reason::ValidationFailed,
                   path + ": more than " + std::to_string(count) + " digits");
    }
    cells[next++] = std::string(1, c);
  }
  return cells;
}

Result<std::vector<Block>> leafBlocks(const Element& e, const DataView& view, double widthPt) {
  switch (e.kind) {
    case ElementKind::Text: {
      Result<std::string> markup = labelMarkup(e, view);
      if (!markup.ok()) return markup.error();
      Result<LayoutPtr> layout = hasPlaceholders(e.pieces)
                                     ? shape(*markup, e.style, widthPt, e.align)
                                     : shapeTemplateText(*markup, e.style, widthPt, e.align);
      if (!layout.ok()) return layout.error();
      Block block;
      block.add(TextOp{*layout, 0, 0});
      block.height = layoutHeightPt(layout->get());
      return std::vector<Block>{std::move(block)};
    }
    case ElementKind::Field:
      return fieldBlocks(e, view, widthPt);
    case ElementKind::DigitBoxes:
      return digitBoxBlocks(e, view, widthPt);
    case ElementKind::Checkbox:
      return checkboxBlocks(e, view, widthPt);
    case ElementKind::Table:
      return tableBlocks(e, view);
    case ElementKind::List:
      return listBlocks(e, view, widthPt);
    case ElementKind::Line: {
      Block block;
      block.height = e.thicknessPt + mmToPt(1);
      const Dash dash = e.lineStyle == "dotted"   ? Dash::Dotted
                        : e.lineStyle == "dashed" ? Dash::Dashed
                                                  : Dash::Solid;
      block.add(LineOp{0, block.height / 2, widthPt, block.height / 2, e.thicknessPt, dash});
      return std::vector<Block>{std::move(block)};
    }
    case ElementKind::Qr:
      return qrBlocks(e, view, widthPt);
    case ElementKind::Space: {
      Block block;
      block.height = mmToPt(e.heightMm);
      return std::vector<Block>{std::move(block)};
    }
    case ElementKind::Columns:
      break;  // laid out by the flow, which owns nesting
  }
  return Error(Reason::Internal, e.where + ": not a leaf element");
}

}  // namespace onestop::forms
