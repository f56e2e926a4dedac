#include "sane_options.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

namespace onestop::sane {
namespace {

constexpr std::array<double, 6> kCommonResolutions{75, 100, 150, 200, 300, 600};

bool isNumeric(SANE_Value_Type t) {
  return t == SANE_TYPE_INT || t == SANE_TYPE_FIXED;
}

bool reachable(const NumberRange& r, double v) {
  if (v < r.min || v > r.max) return false;
  if (r.quant <= 0) return true;
  const double steps = (v - r.min) / r.quant;
  return std::fabs(steps - std::round(steps)) < 1e-6;
}

}  // namespace

double numberFromWord(SANE_Word word, SANE_Value_Type type) {
  return type == SANE_TYPE_FIXED ? SANE_UNFIX(word) : static_cast<double>(word);
}

SANE_Word wordFromNumber(double value, SANE_Value_Type type) {
  if (type == SANE_TYPE_FIXED) {
    // SANE_FIX of a value outside ±32767 overflows: clamp first.
    return SANE_FIX(std::clamp(value, -32767.0, 32767.0));
  }
  if (type == SANE_TYPE_BOOL) return value != 0 ? SANE_TRUE : SANE_FALSE;
  return static_cast<SANE_Word>(std::lround(std::clamp(value, -2147483647.0, 2147483647.0)));
}

std::optional<std::vector<double>> wordListValues(const SANE_Option_Descriptor& d) {
  if (d.constraint_type != SANE_CONSTRAINT_WORD_LIST || d.constraint.word_list == nullptr) {
    return std::nullopt;
  }
  std::vector<double> out;
  const SANE_Word count = d.constraint.word_list[0];  // the list's first word is its length
  for (SANE_Word i = 1; i <= count; ++i)
    out.push_back(numberFromWord(d.constraint.word_list[i], d.type));
  return out;
}

std::optional<NumberRange> rangeOf(const SANE_Option_Descriptor& d) {
  if (d.constraint_type != SANE_CONSTRAINT_RANGE || d.constraint.range == nullptr)
    return std::nullopt;
  return NumberRange{numberFromWord(d.constraint.range->min, d.type),
                     numberFromWord(d.constraint.range->max, d.type),
                     numberFromWord(d.constraint.range->quant, d.type)};
}

std::vector<std::uint32_t> resolutionsFromRange(const NumberRange& range) {
  std::vector<std::uint32_t> out;
  for (double v : kCommonResolutions) {
    if (reachable(range, v)) out.push_back(static_cast<std::uint32_t>(v));
  }
  if (out.empty()) {
    if (range.min >= 1) out.push_back(static_cast<std::uint32_t>(std::lround(range.min)));
    if (range.max >= 1 && range.max != range.min) {
      out.push_back(static_cast<std::uint32_t>(std::lround(range.max)));
    }
  }
  return out;
}

double nearestAllowed(const SANE_Option_Descriptor& d, double wanted) {
  if (const auto list = wordListValues(d); list && !list->empty()) {
    return *std::min_element(list->begin(), list->end(), [&](double a, double b) {
      return std::fabs(a - wanted) < std::fabs(b - wanted);
    });
  }
  if (const auto r = rangeOf(d)) {
    double v = std::clamp(wanted, r->min, r->max);
    if (r->quant > 0) v = std::min(r->max, r->min + std::round((v - r->min) / r->quant) * r->quant);
    return v;
  }
  return wanted;
}

namespace {

// Walks the option descriptors (index 0 holds their count); f returns true to stop.
template <typename F>
void forEachOption(SANE_Handle handle, F&& f) {
  SANE_Int count = 0;
  if (sane_get_option_descriptor(handle, 0) == nullptr ||
      sane_control_option(handle, 0, SANE_ACTION_GET_VALUE, &count, nullptr) != SANE_STATUS_GOOD) {
    return;
  }
  for (SANE_Int i = 1; i < count; ++i) {
    const SANE_Option_Descriptor* d = sane_get_option_descriptor(handle, i);
    if (d != nullptr && d->name != nullptr && f(i, *d)) return;
  }
}

}  // namespace

bool SaneOptions::exists(std::string_view name) const {
  bool found = false;
  forEachOption(handle_, [&](SANE_Int, const SANE_Option_Descriptor& d) {
    found = name == d.name;
    return found;
  });
  return found;
}

std::optional<SaneOptions::Found> SaneOptions::find(std::string_view name) const {
  std::optional<Found> found;
  forEachOption(handle_, [&](SANE_Int i, const SANE_Option_Descriptor& d) {
    if (name != d.name || !SANE_OPTION_IS_ACTIVE(d.cap)) return false;
    found = Found{i, &d};
    return true;
  });
  return found;
}

std::vector<std::string> SaneOptions::stringList(std::string_view name) const {
  std::vector<std::string> out;
  const auto f = find(name);
  if (!f || f->descriptor->constraint_type != SANE_CONSTRAINT_STRING_LIST) return out;
  for (const SANE_String_Const* s = f->descriptor->constraint.string_list;
       s != nullptr && *s != nullptr; ++s) {
    out.emplace_back(*s);
  }
  return out;
}

std::optional<double> SaneOptions::number(std::string_view name) const {
  const auto f = find(name);
  if (!f || !isNumeric(f->descriptor->type) || f->descriptor->size != sizeof(SANE_Word)) {
    return std::nullopt;
  }
  SANE_Word w = 0;
  if (sane_control_option(handle_, f->index, SANE_ACTION_GET_VALUE, &w, nullptr) !=
      SANE_STATUS_GOOD) {
    return std::nullopt;
  }
  return numberFromWord(w, f->descriptor->type);
}

std::optional<std::string> SaneOptions::text(std::string_view name) const {
  const auto f = find(name);
  if (!f || f->descriptor->type != SANE_TYPE_STRING || f->descriptor->size <= 0)
    return std::nullopt;
  std::string buffer(static_cast<std::size_t>(f->descriptor->size) + 1, '\0');
  if (sane_control_option(handle_, f->index, SANE_ACTION_GET_VALUE, buffer.data(), nullptr) !=
      SANE_STATUS_GOOD) {
    return std::nullopt;
  }
  buffer.resize(buffer.find('\0'));
  return buffer;
}

std::optional<nlohmann::json> SaneOptions::value(std::string_view name) const {
  const auto f = find(name);
  if (!f) return std::nullopt;
  const auto type = f->descriptor->type;
  if (type == SANE_TYPE_STRING) {
    if (auto t = text(name)) return nlohmann::json(*t);
    return std::nullopt;
  }
  if (f->descriptor->size != sizeof(SANE_Word)) return std::nullopt;  // arrays: not handled
  SANE_Word w = 0;
  if (type != SANE_TYPE_BOOL && !isNumeric(type)) return std::nullopt;
  if (sane_control_option(handle_, f->index, SANE_ACTION_GET_VALUE, &w, nullptr) !=
      SANE_STATUS_GOOD) {
    return std::nullopt;
  }
  if (type == SANE_TYPE_BOOL) return nlohmann::json(w == SANE_TRUE);
  if (type == SANE_TYPE_INT) return nlohmann::json(static_cast<std::int64_t>(w));
  return nlohmann::json(numberFromWord(w, type));
}

SANE_Status SaneOptions::setNumber(std::string_view name, double value) const {
  const auto f = find(name);
  if (!f || !SANE_OPTION_IS_SETTABLE(f->descriptor->cap) ||
      f->descriptor->size != sizeof(SANE_Word)) {
    return SANE_STATUS_INVAL;
  }
  const auto type = f->descriptor->type;
  if (!isNumeric(type) && type != SANE_TYPE_BOOL) return SANE_STATUS_INVAL;
  SANE_Word w = wordFromNumber(value, type);
  return sane_control_option(handle_, f->index, SANE_ACTION_SET_VALUE, &w, nullptr);
}

SANE_Status SaneOptions::setText(std::string_view name, const std::string& value) const {
  const auto f = find(name);
  if (!f || !SANE_OPTION_IS_SETTABLE(f->descriptor->cap) ||
      f->descriptor->type != SANE_TYPE_STRING ||
      value.size() + 1 > static_cast<std::size_t>(f->descriptor->size)) {
    return SANE_STATUS_INVAL;
  }
  std::string buffer(value);  // the backend may write the value it chose back into the buffer
  buffer.resize(static_cast<std::size_t>(f->descriptor->size), '\0');
  return sane_control_option(handle_, f->index, SANE_ACTION_SET_VALUE, buffer.data(), nullptr);
}

SANE_Status SaneOptions::setValue(std::string_view name, const nlohmann::json& value) const {
  const auto f = find(name);
  if (!f) return SANE_STATUS_INVAL;
  const auto type = f->descriptor->type;
  if (type == SANE_TYPE_STRING) {
    if (!value.is_string()) return SANE_STATUS_INVAL;
    return setText(name, value.get<std::string>());
  }
  if (type == SANE_TYPE_BOOL) {
    if (value.is_boolean()) return setNumber(name, value.get<bool>() ? 1 : 0);
    if (value.is_string()) {
      const auto s = value.get<std::string>();
      if (s == "yes" || s == "true") return setNumber(name, 1);
      if (s == "no" || s == "false") return setNumber(name, 0);
    }
    return SANE_STATUS_INVAL;
  }
  if (!isNumeric(type)) return SANE_STATUS_INVAL;
  if (value.is_number()) return setNumber(name, value.get<double>());
  if (value.is_string()) {
    const auto s = value.get<std::string>();
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (!s.empty() && end != nullptr && *end == '\0') return setNumber(name, v);
  }
  return SANE_STATUS_INVAL;
}

}  // namespace onestop::sane
