// What an ATR says about the card (ISO/IEC 7816-3 §8, 7816-4 §8.1.1): its historical bytes and
// whether the card capabilities (compact-TLV tag 0x7, third byte, bit 0x40) announce extended
// Lc/Le fields.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace onestop::pcsc {

// The historical bytes, or nullopt when the ATR is malformed or truncated.
std::optional<std::vector<std::uint8_t>> historicalBytes(std::span<const std::uint8_t> atr);

// True only when the historical bytes carry card capabilities with the extended-length bit.
bool atrAnnouncesExtendedLength(std::span<const std::uint8_t> atr);

}  // namespace onestop::pcsc
