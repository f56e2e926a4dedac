#pragma once

// Test support: recorded card conversations (style 6.7) and a strict replaying CardTransport.
//
// File format (tests/data/apdu/<card-model>/<scenario>.apdu), one item per line:
//   # text        comment; the last comment before an exchange names its step
//   > hex         command APDU
//   < hex         response APDU with SW
//   ! removed     the card leaves: this and every later transmit fails with CARD_REMOVED
//   rng hex       bytes for the injected random source, in order

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "onestop/emrtd/card_transport.hpp"

namespace onestop::emrtd::testing {

struct ApduStep {
  std::string name;
  Bytes command;
  Bytes response;
  bool removed = false;  // "! removed"
};

struct ApduScript {
  std::vector<ApduStep> steps;
  Bytes random;  // concatenated "rng" lines
};

Result<ApduScript> parseApduScript(std::string_view text);
// Reads <tests/data>/<relativePath>; failures are ValidationFailed with the line number.
Result<ApduScript> loadApduScript(const std::string& relativePath);

// Replays a script strictly: a command that differs from the recording, a command after the
// end, or exchanges left over all fail verify() with the step, expected and actual bytes.
class ReplayTransport final : public CardTransport {
 public:
  explicit ReplayTransport(ApduScript script, std::size_t maxApduSize = 261,
                           bool extendedLength = false)
      : script_(std::move(script)), maxApduSize_(maxApduSize), extendedLength_(extendedLength) {}

  Result<Bytes> transmit(const Bytes& command) override;
  [[nodiscard]] std::size_t maxApduSize() const override { return maxApduSize_; }
  [[nodiscard]] bool extendedLength() const override { return extendedLength_; }

  // Harness controls: the card is removed at exchange `step` (0-based) and stays away; the
  // status word of exchange `step` is replaced (its data kept).
  void removeCardAt(std::size_t step) { removedAt_ = step; }
  void replaceStatusAt(std::size_t step, std::uint16_t sw) { statusAt_[step] = sw; }

  [[nodiscard]] std::size_t exchanges() const { return next_; }
  // Success when every exchange matched and none is left (after a removal nothing is owed).
  [[nodiscard]] ::testing::AssertionResult verify() const;

 private:
  ApduScript script_;
  std::size_t maxApduSize_;
  bool extendedLength_;
  std::size_t next_ = 0;
  std::size_t removedAt_ = static_cast<std::size_t>(-1);
  bool removed_ = false;
  std::map<std::size_t, std::uint16_t> statusAt_;
  std::string failure_;
};

}  // namespace onestop::emrtd::testing
