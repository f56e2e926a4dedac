#pragma once

#include <cstdint>
#include <optional>

#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd {

// An elementary file of the ICAO LDS1 eMRTD application (ICAO 9303-10 §4.6, cccd.md §5):
// its name for messages, file identifier, short file identifier and outer tag.
struct LdsFile {
  const char* name;
  std::uint16_t fid;
  std::uint8_t sfi;
  Tag tag;
};

namespace lds {

inline constexpr LdsFile kCardAccess{"EF.CardAccess", 0x011C, 0x1C, 0x31};  // in the MF
inline constexpr LdsFile kCom{"EF.COM", 0x011E, 0x1E, 0x60};
inline constexpr LdsFile kSod{"EF.SOD", 0x011D, 0x1D, 0x77};

// The eMRTD application identifier.
inline constexpr std::uint8_t kEmrtdAid[] = {0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};

// DG1..DG16: FID 0101..0110, SFI 1..16; nothing for other numbers.
constexpr std::optional<LdsFile> dataGroup(int number) {
  constexpr const char* kNames[] = {
      "EF.DG1", "EF.DG2",  "EF.DG3",  "EF.DG4",  "EF.DG5",  "EF.DG6",  "EF.DG7",  "EF.DG8",
      "EF.DG9", "EF.DG10", "EF.DG11", "EF.DG12", "EF.DG13", "EF.DG14", "EF.DG15", "EF.DG16"};
  constexpr Tag kTags[] = {0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68,
                           0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70};
  if (number < 1 || number > 16) return std::nullopt;
  const auto index = static_cast<std::size_t>(number - 1);
  return LdsFile{kNames[index], static_cast<std::uint16_t>(0x0100 + number),
                 static_cast<std::uint8_t>(number), kTags[index]};
}

}  // namespace lds

}  // namespace onestop::emrtd
