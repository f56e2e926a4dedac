#include "echo_card.hpp"

namespace onestop::simulator {
namespace {

constexpr std::uint8_t kSw1Ok = 0x90;
constexpr std::uint8_t kSw2Ok = 0x00;

}  // namespace

EchoCard::EchoCard() : random_(std::random_device{}()) {}

std::vector<std::uint8_t> EchoCard::atr() const {
  // 3B 80 80 01 01: direct convention, T=1, no historical bytes, TCK — a contactless-style ATR.
  return {0x3B, 0x80, 0x80, 0x01, 0x01};
}

std::vector<std::uint8_t> EchoCard::transmit(std::span<const std::uint8_t> command) {
  if (command.size() >= 4 && command[0] == 0x00 && command[1] == 0xA4) return {kSw1Ok, kSw2Ok};
  const bool getChallenge = command.size() == 5 && command[0] == 0x00 && command[1] == 0x84 &&
                            command[2] == 0x00 && command[3] == 0x00 && command[4] == 0x08;
  if (getChallenge) {
    std::vector<std::uint8_t> response;
    std::uniform_int_distribution<int> byte(0, 255);
    for (int i = 0; i < 8; ++i) response.push_back(static_cast<std::uint8_t>(byte(random_)));
    response.push_back(kSw1Ok);
    response.push_back(kSw2Ok);
    return response;
  }
  return {0x6D, 0x00};
}

}  // namespace onestop::simulator
