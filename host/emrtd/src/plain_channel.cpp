#include "onestop/emrtd/plain_channel.hpp"

#include <algorithm>
#include <string>

namespace onestop::emrtd {

std::size_t maxResponseDataOf(const CardTransport& transport) {
  const std::size_t limit =
      transport.extendedLength() ? CommandApdu::kMaxExtendedNe : CommandApdu::kMaxShortNe;
  const std::size_t apdu = transport.maxApduSize();
  return std::min(limit, apdu > 2 ? apdu - 2 : 0);
}

Result<ResponseApdu> PlainChannel::send(const CommandApdu& command) {
  if (command.needsExtendedLength() && !transport_.extendedLength()) {
    return Error(Reason::NotSupported, "the command needs extended length, the reader has none");
  }
  const Bytes encoded = command.encode();
  if (encoded.size() > transport_.maxApduSize()) {
    return Error(Reason::NotSupported, "command APDU of " + std::to_string(encoded.size()) +
                                           " bytes exceeds the reader's maximum");
  }
  auto raw = transport_.transmit(encoded);
  if (!raw) return raw.error();
  return ResponseApdu::parse(*raw);
}

std::size_t PlainChannel::maxResponseData() const {
  return maxResponseDataOf(transport_);
}

}  // namespace onestop::emrtd
