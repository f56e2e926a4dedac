#pragma once

#include <cstdint>
#include <variant>

#include "chip_apdu.hpp"
#include "chip_crypto.hpp"

namespace onestop::simulator::cccd {

// The chip's end of an ICAO 9303-11 §9.8 secure messaging session: checks and decrypts protected
// commands, protects responses. The SSC counts every command and every protected response.
class ChipSecureMessaging {
 public:
  ChipSecureMessaging(SmCipher cipher, Bytes kEnc, Bytes kMac, Bytes ssc);
  ~ChipSecureMessaging();
  ChipSecureMessaging(ChipSecureMessaging&&) = default;
  ChipSecureMessaging& operator=(ChipSecureMessaging&&) = default;

  // The plain command inside a protected one, or the status word that refuses it: 6987 when
  // the command is unprotected or lacks DO'8E', 6988 when a data object or the MAC is wrong.
  // Either refusal ends the session (the caller drops this object).
  std::variant<ChipCommand, std::uint16_t> unwrap(const ChipCommand& command);

  // DO'87' (when there is data) ‖ DO'99' ‖ DO'8E' ‖ SW.
  Bytes wrap(ByteView data, std::uint16_t status);

  [[nodiscard]] SmCipher cipher() const { return cipher_; }

 private:
  void incrementSsc();
  [[nodiscard]] Bytes mac(ByteView data) const;
  [[nodiscard]] Bytes iv() const;

  SmCipher cipher_;
  Bytes kEnc_;
  Bytes kMac_;
  Bytes ssc_;
};

}  // namespace onestop::simulator::cccd
