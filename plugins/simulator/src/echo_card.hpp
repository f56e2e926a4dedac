#pragma once

#include <random>

#include "card_model.hpp"

namespace onestop::simulator {

// The trivial model: SELECT (00 A4 …) → 90 00; GET CHALLENGE (00 84 00 00 08) → 8 random bytes
// + 90 00; anything else → 6D 00 (instruction not supported).
class EchoCard final : public CardModel {
 public:
  EchoCard();
  [[nodiscard]] std::vector<std::uint8_t> atr() const override;
  std::vector<std::uint8_t> transmit(std::span<const std::uint8_t> command) override;

 private:
  std::mt19937 random_;
};

}  // namespace onestop::simulator
