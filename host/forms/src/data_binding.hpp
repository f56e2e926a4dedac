#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "onestop/common/result.hpp"

namespace onestop::forms {

// A piece of a template text: literal text, or a {{key}} / {{key|fallback}} placeholder.
struct TextPiece {
  bool isPlaceholder = false;
  std::string literal;  // the literal text, or the placeholder's fallback
  std::string key;      // "full_name", "head.name", "#" (the row number inside a table)
};

// Splits "Kính gửi: {{kinh_gui}}" into pieces. A "{{" without "}}" or a key that is not made of
// letters, digits, '_', '.' (or is "#") is an error naming the offending text's position.
Result<std::vector<TextPiece>> splitPlaceholders(std::string_view text);

// Escapes text for Pango markup, so a citizen's "<b>&" is printed as typed, never interpreted.
// Control characters (except newline and tab) become spaces: they are not valid markup.
std::string escapeMarkup(std::string_view text);

// Read access to a form's data for one element: the data object and, inside a table or list,
// the current row. Inside a row, keys are looked up in the row only (a member without a name must
// not show the declarant's); "a.b" walks objects. Errors name the key (with the row:
// "members[2].full_name"), never the value.
class DataView {
 public:
  explicit DataView(const nlohmann::json& data) : data_(data) {}
  // The same data seen from one row of an array (rowNumber 1-based; 0 for a blank row).
  [[nodiscard]] DataView withRow(const nlohmann::json& row, std::string rowPath,
                                 int rowNumber) const {
    DataView view(data_);
    view.row_ = &row;
    view.rowPath_ = std::move(rowPath);
    view.rowNumber_ = rowNumber;
    return view;
  }

  // nullptr when absent or null.
  [[nodiscard]] const nlohmann::json* find(std::string_view key) const;
  // A string or number as text; absent or null is "". Anything else is ValidationFailed.
  [[nodiscard]] Result<std::string> text(std::string_view key) const;
  // An array; absent or null is an empty array. Anything else is ValidationFailed.
  [[nodiscard]] Result<std::vector<const nlohmann::json*>> array(std::string_view key) const;
  // true, a non-empty string or array, a non-zero number.
  [[nodiscard]] bool truthy(std::string_view key) const;
  // "members[2].full_name" for errors.
  [[nodiscard]] std::string pathOf(std::string_view key) const;

 private:
  const nlohmann::json& data_;
  const nlohmann::json* row_ = nullptr;
  std::string rowPath_;
  int rowNumber_ = 0;
};

// Expands the placeholders of a template text. As markup: values are always escaped; the
// literal text is escaped too unless the template declared it as markup.
Result<std::string> expandText(const std::vector<TextPiece>& pieces, const DataView& view,
                               bool asMarkup, bool literalIsMarkup);

}  // namespace onestop::forms
