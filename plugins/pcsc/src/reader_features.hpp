// Reader features from what PC/SC tells: the CCID driver's PC/SC part 10 property
// dwMaxAPDUDataSize (FEATURE_GET_TLV_PROPERTIES; 0 = short APDUs only), else the reader's
// SCARD_ATTR_MAXINPUT, and the ATR of the card in it. Extended length only when both the reader and
// the card (ATR card capabilities) announce it; otherwise 261/258, short only.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "onestop/plugin.h"

namespace onestop::pcsc {

inline constexpr std::uint32_t kShortCommandMax = 261;   // 4 + 1 + 255 + 1
inline constexpr std::uint32_t kShortResponseMax = 258;  // 256 + SW1 SW2
inline constexpr std::uint32_t kExtendedCommandMax = 65544;
inline constexpr std::uint32_t kExtendedResponseMax = 65538;

// What the reader says about itself; nullopt where it says nothing.
struct ReaderLimits {
  std::optional<std::uint32_t> maxApduDataSize;  // CCID dwMaxAPDUDataSize
  std::optional<std::uint32_t> maxInput;         // SCARD_ATTR_MAXINPUT
};

onestop_reader_features computeFeatures(const ReaderLimits& limits,
                                        std::span<const std::uint8_t> atr);

// Control code of a part 10 feature from a CM_IOCTL_GET_FEATURE_REQUEST reply (TLV: tag, 4,
// big-endian code), or nullopt.
std::optional<std::uint32_t> featureControlCode(std::span<const std::uint8_t> reply,
                                                std::uint8_t feature);
// A property from a FEATURE_GET_TLV_PROPERTIES reply (TLV: tag, length, little-endian value).
std::optional<std::uint32_t> tlvProperty(std::span<const std::uint8_t> reply, std::uint8_t tag);

// Asks pcscd through a direct connection to the reader; empty limits when it cannot say.
ReaderLimits queryReaderLimits(const std::string& readerName);

}  // namespace onestop::pcsc
