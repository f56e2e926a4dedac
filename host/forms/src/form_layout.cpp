#include "form_layout.hpp"

#include <algorithm>

#include "element_blocks.hpp"
#include "onestop/common/error.hpp"

namespace onestop::forms {
namespace {

// Where placed blocks go: pages (breaking when full) or one block (a column of `columns`).
class Flow {
 public:
  virtual ~Flow() = default;
  virtual void moveTo(double y) = 0;  // from the top of the region
  virtual void advance(double dy) = 0;
  virtual void place(const Block& block, double x) = 0;
};

class PageFlow final : public Flow {
 public:
  PageFlow(const FormTemplate& form, std::vector<PageDrawing>& pages)
      : pages_(pages),
        left_(mmToPt(form.margins.leftMm)),
        top_(mmToPt(form.margins.topMm)),
        bottom_(mmToPt(form.pageHeightMm - form.margins.bottomMm)) {}

  void startPage() {
    pages_.emplace_back();
    y_ = top_;
  }
  void moveTo(double y) override { y_ = top_ + y; }
  void advance(double dy) override { y_ += dy; }
  void place(const Block& block, double x) override {
    // A block taller than a whole page is placed anyway (and clipped): breaking before it
    // would only add an empty page.
    if (y_ + block.height > bottom_ && y_ > top_ + 0.5) {
      startPage();
      if (block.repeatOnNewPage) placeHere(*block.repeatOnNewPage, x);
    }
    placeHere(block, x);
  }

 private:
  void placeHere(const Block& block, double x) {
    for (DrawOp op : block.ops) {
      translate(op, left_ + x, y_);
      pages_.back().ops.push_back(std::move(op));
    }
    y_ += block.height;
  }

  std::vector<PageDrawing>& pages_;
  double left_;
  double top_;
  double bottom_;
  double y_ = 0;
};

class BlockFlow final : public Flow {
 public:
  void moveTo(double y) override { y_ = y; }
  void advance(double dy) override { y_ += dy; }
  void place(const Block& block, double x) override {
    result_.addBlock(block, x, y_);
    y_ += block.height;
    result_.height = std::max(result_.height, y_);
  }
  Block take() { return std::move(result_); }

 private:
  Block result_;
  double y_ = 0;
};

double alignedX(Align align, double contentPt, double availablePt) {
  if (align == Align::Center) return std::max(0.0, (availablePt - contentPt) / 2);
  if (align == Align::Right) return std::max(0.0, availablePt - contentPt);
  return 0;
}

class Layout {
 public:
  Layout(const FormTemplate& form, const DataView& view)
      : view_(view), spacing_(mmToPt(form.spacingMm)) {}

  Result<void> flowElements(const Elements& elements, double regionPt, Flow& flow) {
    for (const Element& e : elements) {
      if (!e.ifKey.empty() && !view_.truthy(e.ifKey)) continue;
      if (!e.unlessKey.empty() && view_.truthy(e.unlessKey)) continue;
      if (e.yMm) flow.moveTo(mmToPt(*e.yMm));
      flow.advance(mmToPt(e.spaceBeforeMm));
      double x = mmToPt(e.xMm);
      const double width = e.widthMm ? mmToPt(*e.widthMm) : regionPt - x;
      // A narrower rule, row of boxes or group of columns is placed by its own alignment.
      if (e.widthMm && (e.kind == ElementKind::Line || e.kind == ElementKind::DigitBoxes ||
                        e.kind == ElementKind::Columns)) {
        x += alignedX(e.align, width, regionPt - x);
      }
      if (e.kind == ElementKind::Columns) {
        Result<Block> block = columnsBlock(e);
        if (!block.ok()) return block.error();
        flow.place(*block, x);
      } else {
        Result<std::vector<Block>> blocks = leafBlocks(e, view_, width);
        if (!blocks.ok()) return blocks.error();
        for (const Block& block : *blocks) flow.place(block, x);
      }
      flow.advance(mmToPt(e.spaceAfterMm) + spacing_);
    }
    return {};
  }

 private:
  // Each column flows on its own; the group is as tall as its tallest column and moves to a new
  // page as a whole.
  Result<Block> columnsBlock(const Element& e) {
    Block group;
    double x = 0;
    for (const Column& column : e.groups) {
      BlockFlow flow;
      const double columnWidth = mmToPt(column.widthMm);
      Result<void> flowed = flowElements(column.elements, columnWidth, flow);
      if (!flowed.ok()) return flowed.error();
      const Block laid = flow.take();
      group.addBlock(laid, x, 0);
      group.height = std::max(group.height, laid.height);
      x += columnWidth + mmToPt(e.gapMm);
    }
    return group;
  }

  const DataView& view_;
  double spacing_;
};

}  // namespace

Result<std::vector<PageDrawing>> layoutForm(const FormTemplate& form, const nlohmann::json& data) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  if (!data.is_null() && !data.is_object()) {
    return Error(Reason::ValidationFailed, "data: expected an object");
  }
  const DataView view(data.is_null() ? kEmpty : data);
  Layout layout(form, view);
  std::vector<PageDrawing> pages;
  PageFlow flow(form, pages);
  const double contentWidth = mmToPt(form.pageWidthMm - form.margins.leftMm - form.margins.rightMm);
  for (const Elements& page : form.pages) {
    flow.startPage();
    Result<void> flowed = layout.flowElements(page, contentWidth, flow);
    if (!flowed.ok()) return flowed.error();
  }
  return pages;
}

}  // namespace onestop::forms
