#include "display_list.hpp"

namespace onestop::forms {

void translate(DrawOp& op, double dx, double dy) {
  if (auto* text = std::get_if<TextOp>(&op)) {
    text->x += dx;
    text->y += dy;
  } else if (auto* line = std::get_if<LineOp>(&op)) {
    line->x1 += dx;
    line->x2 += dx;
    line->y1 += dy;
    line->y2 += dy;
  } else if (auto* rect = std::get_if<RectOp>(&op)) {
    rect->x += dx;
    rect->y += dy;
  }
}

void Block::addBlock(const Block& other, double dx, double dy) {
  for (DrawOp op : other.ops) {
    translate(op, dx, dy);
    ops.push_back(std::move(op));
  }
}

}  // namespace onestop::forms
