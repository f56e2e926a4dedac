#pragma once

#include <cstdint>
#include <optional>

#include "chip_secure_messaging.hpp"
#include "status_words.hpp"

namespace onestop::simulator::cccd {

// What one command handler answers: plain response data and status word, and a secure
// messaging session to switch to once this answer is out (BAC, PACE, Chip Authentication).
struct ChipReply {
  Bytes data;
  std::uint16_t status = sw::kOk;
  std::optional<ChipSecureMessaging> nextSession;

  static ChipReply ok(Bytes data = {}) { return ChipReply{std::move(data), sw::kOk, std::nullopt}; }
  static ChipReply error(std::uint16_t status) { return ChipReply{{}, status, std::nullopt}; }
};

}  // namespace onestop::simulator::cccd
