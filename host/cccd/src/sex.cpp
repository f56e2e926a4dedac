#include "onestop/cccd/sex.hpp"

#include <array>

namespace onestop::cccd {

std::optional<Sex> parseVietnameseSex(std::string_view text) {
  constexpr std::array<std::string_view, 3> kMale{"Nam", "NAM", "nam"};
  constexpr std::array<std::string_view, 3> kFemale{"Nữ", "NỮ", "nữ"};
  for (const auto spelling : kMale) {
    if (text == spelling) return Sex::Male;
  }
  for (const auto spelling : kFemale) {
    if (text == spelling) return Sex::Female;
  }
  return std::nullopt;
}

std::string_view vietnameseSexLabel(Sex sex) {
  return sex == Sex::Male ? "Nam" : "Nữ";
}

}  // namespace onestop::cccd
