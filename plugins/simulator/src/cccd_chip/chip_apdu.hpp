#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "chip_tlv.hpp"

namespace onestop::simulator::cccd {

// A command APDU as decoded by the chip (ISO/IEC 7816-4 §5.1, short and extended length).
struct ChipCommand {
  std::uint8_t cla = 0;
  std::uint8_t ins = 0;
  std::uint8_t p1 = 0;
  std::uint8_t p2 = 0;
  Bytes data;
  std::size_t ne = 0;  // 0: no response data expected; 256 / 65536 for Le 00 / 0000
  bool extended = false;

  [[nodiscard]] bool secureMessaging() const { return (cla & 0x0C) == 0x0C; }
  [[nodiscard]] bool chained() const { return (cla & 0x10) != 0; }
};

// Nothing when the bytes are not a well-formed APDU of any of the seven cases (→ 6700).
std::optional<ChipCommand> parseCommand(ByteView raw);

// data ‖ SW1 SW2
Bytes respond(ByteView data, std::uint16_t status);
Bytes respond(std::uint16_t status);

}  // namespace onestop::simulator::cccd
