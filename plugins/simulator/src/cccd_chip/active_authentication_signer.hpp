#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "chip_profile.hpp"

namespace onestop::simulator::cccd {

// Active Authentication (ICAO 9303-11 §6.1): INTERNAL AUTHENTICATE signs the terminal's 8-byte
// challenge with the chip's private key. ECDSA answers plain r ‖ s (BSI TR-03111) over the hash
// DG14's ActiveAuthenticationInfo names; RSA answers an ISO/IEC 9796-2 scheme 1 signature with
// message recovery (SHA-1, implicit trailer BC).
class ActiveAuthenticationSigner {
 public:
  ActiveAuthenticationSigner(PrivateKey key, std::string ecdsaHash)
      : key_(std::move(key)), ecdsaHash_(std::move(ecdsaHash)) {}

  // The signature, or 6700 for a challenge that is not 8 bytes.
  [[nodiscard]] std::variant<Bytes, std::uint16_t> sign(ByteView challenge) const;

 private:
  [[nodiscard]] Bytes signEcdsa(ByteView challenge) const;
  [[nodiscard]] Bytes signIso9796(ByteView challenge) const;

  PrivateKey key_;
  std::string ecdsaHash_;
};

}  // namespace onestop::simulator::cccd
