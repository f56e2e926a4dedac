#pragma once

#include <string_view>

#include "onestop/cccd/calendar_date.hpp"

namespace onestop::cccd {

// The two card generations (cccd.md §7.3): the 2021 CCCD (Law on Citizen Identification 2014)
// and the căn cước issued from 01/07/2024 (Law on Identification 2023). No public DG13 dump
// tells them apart; record which one a card is so that the field mapping can be corrected.
enum class CardGeneration {
  Unknown,
  Cccd2021,     // "Căn cước công dân"
  CanCuoc2024,  // "Căn cước"
};

// "CCCD_2021", "CAN_CUOC_2024", "UNKNOWN".
std::string_view cardGenerationName(CardGeneration generation);

// Cards issued from 01/07/2024 are căn cước cards, earlier ones CCCD.
CardGeneration generationFromIssueDate(Date issued);

// The printed labels changed with the 2024 card (Luật Căn cước 2023 Art. 18): DG13 field 8 is
// shown as "Quê quán" (2021) or "Nơi đăng ký khai sinh" (2024), field 9 as "Nơi thường trú"
// (2021) or "Nơi cư trú" (2024). Whether the chip's meaning changed too is unknown [U]; the
// 2021 labels are used for Unknown.
std::string_view placeOfOriginLabel(CardGeneration generation);
std::string_view placeOfResidenceLabel(CardGeneration generation);

}  // namespace onestop::cccd
