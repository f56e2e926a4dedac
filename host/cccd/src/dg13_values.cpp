#include "dg13_values.hpp"

#include <string_view>

#include "onestop/cccd/dg13.hpp"
#include "onestop/cccd/unicode_text.hpp"

namespace onestop::cccd::detail {
namespace {

constexpr emrtd::Tag kInteger = 0x02;
constexpr int kMaxDepth = 8;
constexpr std::size_t kMaxIntegerBytes = 4;

Result<std::string> decodeString(const emrtd::Tlv& tlv, std::uint32_t field) {
  const std::string_view bytes(reinterpret_cast<const char*>(tlv.value.data()), tlv.value.size());
  auto text = toNfc(bytes);
  if (!text) return fieldError(field, text.error().detail());
  return text;
}

Result<void> collectStrings(const emrtd::Tlv& tlv, std::uint32_t field, int depth,
                            std::vector<std::string>& out) {
  if (!tlv.constructed()) {
    auto text = decodeString(tlv, field);
    if (!text) return text.error();
    out.push_back(std::move(*text));
    return Ok{};
  }
  if (depth >= kMaxDepth) return fieldError(field, "nested deeper than 8 levels");
  auto children = emrtd::parseTlvList(tlv.value);
  if (!children) return fieldError(field, children.error().detail());
  for (const auto& child : *children) {
    auto collected = collectStrings(child, field, depth + 1, out);
    if (!collected) return collected;
  }
  return Ok{};
}

}  // namespace

Error fieldError(std::uint32_t field, const std::string& what) {
  return Error(Reason::ValidationFailed, "DG13 field " + std::to_string(field) + " (" +
                                             std::string(dg13FieldName(field)) + "): " + what);
}

Result<std::uint32_t> readUnsigned(const emrtd::Tlv& integer) {
  if (integer.tag != kInteger) return Error(Reason::ValidationFailed, "not an INTEGER");
  const auto bytes = integer.value;
  if (bytes.empty()) return Error(Reason::ValidationFailed, "empty INTEGER");
  if ((bytes[0] & 0x80) != 0) return Error(Reason::ValidationFailed, "negative INTEGER");
  std::size_t start = 0;
  while (start + 1 < bytes.size() && bytes[start] == 0) ++start;
  if (bytes.size() - start > kMaxIntegerBytes) {
    return Error(Reason::ValidationFailed, "INTEGER longer than 4 bytes");
  }
  std::uint32_t value = 0;
  for (std::size_t i = start; i < bytes.size(); ++i) value = (value << 8) | bytes[i];
  return value;
}

Result<std::optional<std::string>> readText(std::span<const emrtd::Tlv> values,
                                            std::uint32_t field) {
  if (values.empty()) return std::optional<std::string>{};
  if (values.size() > 1) return fieldError(field, "more than one value");
  if (values[0].constructed()) return fieldError(field, "a constructed value where text belongs");
  auto text = decodeString(values[0], field);
  if (!text) return text.error();
  return std::optional<std::string>(std::move(*text));
}

Result<std::vector<std::vector<std::string>>> readGroups(std::span<const emrtd::Tlv> values,
                                                         std::uint32_t field) {
  std::vector<std::vector<std::string>> groups;
  for (const auto& value : values) {
    std::vector<std::string> group;
    auto collected = collectStrings(value, field, 0, group);
    if (!collected) return collected.error();
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace onestop::cccd::detail
