#pragma once

#include <cstddef>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd {

// What the library talks through: one reader slot with a card in it. Implemented by the reader
// plugin bridge in production and by replayed recordings in tests (style 6.7).
class CardTransport {
 public:
  virtual ~CardTransport() = default;

  // Sends one encoded command APDU and returns the whole response, SW1 SW2 included. Faults of
  // the reader or the card's presence are errors (Reason::CardRemoved, NoCard, IoError,
  // Timeout...), never status words.
  virtual Result<Bytes> transmit(const Bytes& command) = 0;

  // Largest APDU, command or response (header, data, Le or status word included), the reader
  // can carry: 261 for a short-length-only reader, up to 65544 with extended length.
  [[nodiscard]] virtual std::size_t maxApduSize() const = 0;

  // Whether the reader passes extended-length APDUs.
  [[nodiscard]] virtual bool extendedLength() const = 0;
};

}  // namespace onestop::emrtd
