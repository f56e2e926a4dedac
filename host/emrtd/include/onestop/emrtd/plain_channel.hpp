#pragma once

#include "onestop/emrtd/apdu_channel.hpp"
#include "onestop/emrtd/card_transport.hpp"

namespace onestop::emrtd {

// APDUs sent as they are: before access control (SELECT, GET CHALLENGE, BAC, PACE steps).
class PlainChannel final : public ApduChannel {
 public:
  explicit PlainChannel(CardTransport& transport) : transport_(transport) {}

  // A command that needs extended length on a reader without it, or that is longer than the
  // reader's maximum APDU, is Reason::NotSupported and is not sent.
  Result<ResponseApdu> send(const CommandApdu& command) override;
  [[nodiscard]] std::size_t maxResponseData() const override;

 private:
  CardTransport& transport_;
};

// Response data bytes (SW excluded) one response APDU can carry over `transport`.
std::size_t maxResponseDataOf(const CardTransport& transport);

}  // namespace onestop::emrtd
