#pragma once

#include <cstddef>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/apdu.hpp"

namespace onestop::emrtd {

// A way to exchange plain command and response APDUs with the card: directly
// (PlainChannel) or under secure messaging (SecureChannel). Protocol code above it (LDS
// reading, Active Authentication) does not care which.
class ApduChannel {
 public:
  virtual ~ApduChannel() = default;

  // Transport faults and secure-messaging failures are errors; any status word the card
  // returns, 9000 or not, is a ResponseApdu for the caller to judge.
  virtual Result<ResponseApdu> send(const CommandApdu& command) = 0;

  // Largest Ne (plain response data bytes) one command may ask for on this channel, given the
  // reader's APDU size, extended-length support and the secure-messaging overhead.
  [[nodiscard]] virtual std::size_t maxResponseData() const = 0;
};

}  // namespace onestop::emrtd
