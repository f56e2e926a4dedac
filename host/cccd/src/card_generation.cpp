#include "onestop/cccd/card_generation.hpp"

namespace onestop::cccd {

std::string_view cardGenerationName(CardGeneration generation) {
  switch (generation) {
    case CardGeneration::Cccd2021:
      return "CCCD_2021";
    case CardGeneration::CanCuoc2024:
      return "CAN_CUOC_2024";
    case CardGeneration::Unknown:
      break;
  }
  return "UNKNOWN";
}

CardGeneration generationFromIssueDate(Date issued) {
  constexpr Date kFirstCanCuocDay{std::chrono::year{2024}, std::chrono::July, std::chrono::day{1}};
  return issued >= kFirstCanCuocDay ? CardGeneration::CanCuoc2024 : CardGeneration::Cccd2021;
}

std::string_view placeOfOriginLabel(CardGeneration generation) {
  return generation == CardGeneration::CanCuoc2024 ? "Nơi đăng ký khai sinh" : "Quê quán";
}

std::string_view placeOfResidenceLabel(CardGeneration generation) {
  return generation == CardGeneration::CanCuoc2024 ? "Nơi cư trú" : "Nơi thường trú";
}

}  // namespace onestop::cccd
