#include "onestop/emrtd/secure_channel.hpp"

#include "onestop/emrtd/plain_channel.hpp"

namespace onestop::emrtd {

Result<ResponseApdu> SecureChannel::send(const CommandApdu& command) {
  auto wrapped = session_.wrap(command, transport_.extendedLength());
  if (!wrapped) return wrapped.error();
  auto raw = transport_.transmit(*wrapped);
  if (!raw) return raw.error();
  return session_.unwrap(*raw);
}

std::size_t SecureChannel::maxResponseData() const {
  return session_.maxPlainResponse(maxResponseDataOf(transport_));
}

}  // namespace onestop::emrtd
