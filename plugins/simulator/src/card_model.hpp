#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

namespace onestop::simulator {

// A behavioural smart card the virtual reader serves APDUs to. A model keeps its own state
// (selected file, session keys …); reset() is a warm reset: back to the state after power-up.
class CardModel {
 public:
  CardModel() = default;
  CardModel(const CardModel&) = delete;
  CardModel& operator=(const CardModel&) = delete;
  virtual ~CardModel() = default;

  [[nodiscard]] virtual std::vector<std::uint8_t> atr() const = 0;
  // One command APDU in, the response APDU out (data followed by SW1 SW2).
  virtual std::vector<std::uint8_t> transmit(std::span<const std::uint8_t> command) = 0;
  virtual void reset() {}
  // Model-specific state for the control command "status" (counters …); {} when none.
  [[nodiscard]] virtual nlohmann::json status() const { return nlohmann::json::object(); }
};

}  // namespace onestop::simulator
