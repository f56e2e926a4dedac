#pragma once

#include <memory>
#include <variant>
#include <vector>

#include "text_shaper.hpp"

namespace onestop::forms {

// What a laid-out page draws, in points from the page's top-left corner: the layout pass
// produces it once and the PDF and PNG painters replay it.

struct TextOp {
  LayoutPtr layout;
  double x = 0;  // the layout's top-left corner
  double y = 0;
};

enum class Dash { Solid, Dotted, Dashed };

struct LineOp {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double widthPt = 0.6;
  Dash dash = Dash::Solid;
};

struct RectOp {
  double x = 0, y = 0, width = 0, height = 0;
  double lineWidthPt = 0.6;
  bool filled = false;
};

using DrawOp = std::variant<TextOp, LineOp, RectOp>;

void translate(DrawOp& op, double dx, double dy);

// A unit the flow places as a whole (a paragraph, a table row): ops relative to its top-left.
struct Block {
  std::vector<DrawOp> ops;
  double height = 0;
  // Placed again at the top of a new page before this block (a table's header row).
  std::shared_ptr<const Block> repeatOnNewPage;

  void add(DrawOp op) { ops.push_back(std::move(op)); }
  // Appends another block's ops shifted by (dx, dy).
  void addBlock(const Block& other, double dx, double dy);
};

struct PageDrawing {
  std::vector<DrawOp> ops;
};

}  // namespace onestop::forms
