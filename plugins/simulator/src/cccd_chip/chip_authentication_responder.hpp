#pragma once

#include <cstdint>
#include <optional>
#include <variant>

#include "chip_profile.hpp"
#include "chip_secure_messaging.hpp"

namespace onestop::simulator::cccd {

// The chip's half of Chip Authentication with ECDH (ICAO 9303-11 §6.2): the terminal's
// ephemeral key arrives either by MSE:Set AT (41 A4) + GENERAL AUTHENTICATE (AES protocols) or
// by MSE:Set KAT (41 A6, 3DES); the chip derives new session keys from its static key. The
// caller answers that command under the old keys, then switches (SSC restarts at 0).
class ChipAuthenticationResponder {
 public:
  explicit ChipAuthenticationResponder(PrivateKey chipKey) : chipKey_(std::move(chipKey)) {}

  // 41 A4: 80 protocol OID [84 key id]. 9000 or 6A80.
  std::uint16_t setAuthenticationTemplate(ByteView data);
  // GENERAL AUTHENTICATE 7C{80 ephemeral public key} after Set AT.
  std::variant<ChipSecureMessaging, std::uint16_t> generalAuthenticate(ByteView data);
  // 41 A6: 91 ephemeral public key [84 key id]; 3DES keys.
  std::variant<ChipSecureMessaging, std::uint16_t> setKeyAgreementTemplate(ByteView data);

 private:
  std::variant<ChipSecureMessaging, std::uint16_t> agree(ByteView terminalKey, SmCipher cipher);

  PrivateKey chipKey_;
  std::optional<SmCipher> cipher_;  // chosen by Set AT
};

}  // namespace onestop::simulator::cccd
