#pragma once

#include "onestop/emrtd/apdu_channel.hpp"
#include "onestop/emrtd/card_transport.hpp"
#include "onestop/emrtd/secure_messaging.hpp"

namespace onestop::emrtd {

// APDUs protected with the session established by BAC, PACE or Chip Authentication.
class SecureChannel final : public ApduChannel {
 public:
  SecureChannel(CardTransport& transport, SecureMessaging session)
      : transport_(transport), session_(std::move(session)) {}

  Result<ResponseApdu> send(const CommandApdu& command) override;
  // The largest plain Ne whose protected response still fits one response APDU.
  [[nodiscard]] std::size_t maxResponseData() const override;

  // Chip Authentication restarts secure messaging with new keys.
  void replaceSession(SecureMessaging session) { session_ = std::move(session); }
  [[nodiscard]] const SecureMessaging& session() const { return session_; }

 private:
  CardTransport& transport_;
  SecureMessaging session_;
};

}  // namespace onestop::emrtd
