#include "data_binding.hpp"

#include <cctype>
#include <cmath>
#include <sstream>

#include "onestop/common/error.hpp"

namespace onestop::forms {
namespace {

using Json = nlohmann::json;

bool isKeyCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.';
}

bool isValidKey(std::string_view key) {
  if (key == "#") return true;
  if (key.empty() || key.front() == '.' || key.back() == '.') return false;
  for (char c : key) {
    if (!isKeyCharacter(c)) return false;
  }
  return key.find("..") == std::string_view::npos;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
    text.remove_suffix(1);
  }
  return text;
}

const Json* walk(const Json& root, std::string_view key) {
  const Json* node = &root;
  while (!key.empty()) {
    const std::size_t dot = key.find('.');
    const std::string part(key.substr(0, dot));
    if (!node->is_object()) return nullptr;
    const auto found = node->find(part);
    if (found == node->end()) return nullptr;
    node = &*found;
    key = dot == std::string_view::npos ? std::string_view{} : key.substr(dot + 1);
  }
  return node->is_null() ? nullptr : node;
}

// Strict UTF-8 (no overlongs, no surrogates): Pango refuses anything else, and a value that is
// not text is the caller's error, not ours.
bool isValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    std::uint32_t point = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      extra = 1;
      point = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      point = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      point = c & 0x07u;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      point = (point << 6) | (next & 0x3Fu);
    }
    static constexpr std::uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
    if (point < kMinimum[extra] || point > 0x10FFFF || (point >= 0xD800 && point <= 0xDFFF)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

std::string numberText(const Json& value) {
  if (value.is_number_integer() || value.is_number_unsigned()) return value.dump();
  const double number = value.get<double>();
  if (std::nearbyint(number) == number && std::fabs(number) < 1e15) {
    return std::to_string(static_cast<long long>(number));
  }
  std::ostringstream out;
  out << number;
  return out.str();
}

}  // namespace

Result<std::vector<TextPiece>> splitPlaceholders(std::string_view text) {
  std::vector<TextPiece> pieces;
  std::size_t position = 0;
  while (position < text.size()) {
    const std::size_t open = text.find("{{", position);
    if (open == std::string_view::npos) {
      pieces.push_back({false, std::string(text.substr(position)), {}});
      break;
    }
    if (open > position)
      pieces.push_back({false, std::string(text.substr(position, open - position)), {}});
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      return Error(Reason::ValidationFailed,
                   "\"{{\" without \"}}\" at character " + std::to_string(open));
    }
    const std::string_view inside = text.substr(open + 2, close - open - 2);
    const std::size_t bar = inside.find('|');
    const std::string_view key = trim(inside.substr(0, bar));
    if (!isValidKey(key)) {
      return Error(Reason::ValidationFailed, "placeholder \"{{" + std::string(inside) +
                                                 "}}\" is not a key (letters, digits, _ and .)");
    }
    TextPiece piece{true, {}, std::string(key)};
    if (bar != std::string_view::npos) piece.literal = std::string(inside.substr(bar + 1));
    pieces.push_back(std::move(piece));
    position = close + 2;
  }
  return pieces;
}

std::string escapeMarkup(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

const Json* DataView::find(std::string_view key) const {
  return walk(row_ != nullptr ? *row_ : data_, key);
}

std::string DataView::pathOf(std::string_view key) const {
  return row_ != nullptr ? rowPath_ + "." + std::string(key) : std::string(key);
}

Result<std::string> DataView::text(std::string_view key) const {
  if (key == "#") return rowNumber_ > 0 ? std::to_string(rowNumber_) : std::string();
  const Json* value = find(key);
  if (value == nullptr) return std::string();
  if (value->is_string()) {
    const auto& text = value->get_ref<const std::string&>();
    if (!isValidUtf8(text)) {
      return Error(Reason::ValidationFailed, pathOf(key) + ": not valid UTF-8 text");
    }
    return text;
  }
  if (value->is_number()) return numberText(*value);
  return Error(Reason::ValidationFailed,
               pathOf(key) + ": expected text, got " + std::string(value->type_name()));
}

Result<std::vector<const Json*>> DataView::array(std::string_view key) const {
  const Json* value = find(key);
  std::vector<const Json*> items;
  if (value == nullptr) return items;
  if (!value->is_array()) {
    return Error(Reason::ValidationFailed,
                 pathOf(key) + ": expected an array, got " + std::string(value->type_name()));
  }
  for (const Json& item : *value) items.push_back(&item);
  return items;
}

bool DataView::truthy(std::string_view key) const {
  const Json* value = find(key);
  if (value == nullptr) return false;
  if (value->is_boolean()) return value->get<bool>();
  if (value->is_string()) return !value->get_ref<const std::string&>().empty();
  if (value->is_array() || value->is_object()) return !value->empty();
  if (value->is_number()) return value->get<double>() != 0;
  return false;
}

Result<std::string> expandText(const std::vector<TextPiece>& pieces, const DataView& view,
                               bool asMarkup, bool literalIsMarkup) {
  std::string out;
  for (const TextPiece& piece : pieces) {
    if (!piece.isPlaceholder) {
      out += asMarkup && !literalIsMarkup ? escapeMarkup(piece.literal) : piece.literal;
      continue;
    }
    Result<std::string> value = view.text(piece.key);
    if (!value.ok()) return value.error();
    if (value->empty()) {  // the template's fallback text, treated like its other literals
      out += asMarkup && !literalIsMarkup ? escapeMarkup(piece.literal) : piece.literal;
    } else {
      out += asMarkup ? escapeMarkup(*value) : *value;
    }
  }
  return out;
}

}  // namespace onestop::forms
