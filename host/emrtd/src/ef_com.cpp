#include "onestop/emrtd/ef_com.hpp"

#include <algorithm>
#include <string_view>

#include "onestop/emrtd/lds_file.hpp"
#include "structure_reader.hpp"

namespace onestop::emrtd {
namespace {

constexpr std::string_view kName = "EF.COM";
constexpr Tag kLdsVersion = 0x5F01;
constexpr Tag kUnicodeVersion = 0x5F36;
constexpr Tag kTagList = 0x5C;

Error invalid(const std::string& what) {
  return detail::invalidStructure(kName, what);
}

Result<std::string> digits(const std::vector<Tlv>& elements, Tag tag, std::size_t count,
                           const char* what) {
  const auto found =
      std::find_if(elements.begin(), elements.end(), [tag](const Tlv& e) { return e.tag == tag; });
  if (found == elements.end()) return invalid(std::string("no ") + what);
  if (found->value.size() != count) return invalid(std::string(what) + " has the wrong length");
  std::string text;
  for (const std::uint8_t b : found->value) {
    if (b < '0' || b > '9') return invalid(std::string(what) + " is not all digits");
    text.push_back(static_cast<char>(b));
  }
  return text;
}

int dataGroupOfTag(Tag tag) {
  for (int number = 1; number <= 16; ++number) {
    if (lds::dataGroup(number)->tag == tag) return number;
  }
  return 0;
}

}  // namespace

bool EfCom::lists(int dataGroup) const {
  return std::find(dataGroups.begin(), dataGroups.end(), dataGroup) != dataGroups.end();
}

Result<EfCom> parseEfCom(ByteView file) {
  auto outer = detail::wholeObject(file, lds::kCom.tag, kName);
  if (!outer) return outer.error();
  auto elements = detail::children(outer->value, kName);
  if (!elements) return elements.error();

  EfCom out;
  auto lds = digits(*elements, kLdsVersion, 4, "LDS version");
  if (!lds) return lds.error();
  auto unicode = digits(*elements, kUnicodeVersion, 6, "Unicode version");
  if (!unicode) return unicode.error();
  out.ldsVersion = *lds;
  out.unicodeVersion = *unicode;
  out.ldsMajor = std::stoi(out.ldsVersion.substr(0, 2));
  out.ldsMinor = std::stoi(out.ldsVersion.substr(2, 2));

  const auto list = std::find_if(elements->begin(), elements->end(),
                                 [](const Tlv& e) { return e.tag == kTagList; });
  if (list == elements->end()) return invalid("no tag list");
  for (const std::uint8_t b : list->value) {
    const Tag tag = b;
    if (std::find(out.tags.begin(), out.tags.end(), tag) != out.tags.end()) {
      return invalid("tag listed twice");
    }
    out.tags.push_back(tag);
    if (const int number = dataGroupOfTag(tag); number != 0) out.dataGroups.push_back(number);
  }
  return out;
}

}  // namespace onestop::emrtd
