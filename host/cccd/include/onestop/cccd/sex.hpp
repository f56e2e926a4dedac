#pragma once

#include <optional>
#include <string_view>

namespace onestop::cccd {

// Sex as the card states it: "Nam" / "Nữ" in DG13 field 4 and the QR code, M / F in the MRZ,
// digit 4 of the ID number even / odd.
enum class Sex { Male, Female };

// "Nam" or "Nữ" (NFC UTF-8) in any letter case; anything else is nullopt.
std::optional<Sex> parseVietnameseSex(std::string_view text);

// "Nam" / "Nữ".
std::string_view vietnameseSexLabel(Sex sex);

}  // namespace onestop::cccd
