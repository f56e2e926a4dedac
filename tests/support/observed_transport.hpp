// A CardTransport decorator for tests and benchmarks: counts and optionally records the command
// APDUs, and runs a hook before a chosen command (e.g. pull the card out at APDU k).
#pragma once

#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

#include "onestop/emrtd/card_transport.hpp"

namespace onestop::testing {

class ObservedTransport final : public emrtd::CardTransport {
 public:
  explicit ObservedTransport(emrtd::CardTransport& inner) : inner_(inner) {}

  // Runs hook just before the command with 1-based index `commandNumber` is sent.
  void beforeCommand(std::size_t commandNumber, std::function<void()> hook) {
    hookAt_ = commandNumber;
    hook_ = std::move(hook);
  }
  void recordCommands(bool on) { recording_ = on; }

  Result<emrtd::Bytes> transmit(const emrtd::Bytes& command) override {
    ++count_;
    if (hook_ && count_ == hookAt_) hook_();
    if (recording_) commands_.push_back(command);
    auto response = inner_.transmit(command);
    if (recording_) responses_.push_back(response ? *response : emrtd::Bytes{});
    return response;
  }
  [[nodiscard]] std::size_t maxApduSize() const override { return inner_.maxApduSize(); }
  [[nodiscard]] bool extendedLength() const override { return inner_.extendedLength(); }

  [[nodiscard]] std::size_t commandCount() const { return count_; }
  [[nodiscard]] const std::vector<emrtd::Bytes>& commands() const { return commands_; }
  // Responses to commands(), in order (empty for a transport error).
  [[nodiscard]] const std::vector<emrtd::Bytes>& responses() const { return responses_; }

 private:
  emrtd::CardTransport& inner_;
  std::size_t count_ = 0;
  std::size_t hookAt_ = 0;
  std::function<void()> hook_;
  bool recording_ = false;
  std::vector<emrtd::Bytes> commands_;
  std::vector<emrtd::Bytes> responses_;
};

}  // namespace onestop::testing
