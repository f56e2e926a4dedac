#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "chip_ec.hpp"
#include "chip_profile.hpp"
#include "chip_secure_messaging.hpp"

namespace onestop::simulator::cccd {

// The chip's half of PACE with ECDH Generic Mapping (ICAO 9303-11 §4.4): MSE:Set AT chooses the
// password, four GENERAL AUTHENTICATE steps run nonce, mapping, key agreement and mutual
// authentication. A wrong password only shows at the last step, as 6300.
class PaceResponder {
 public:
  PaceResponder(PaceSetup setup, std::string mrzInformation, std::string can);

  // MSE:Set AT (22 C1 A4): 9000, or 6A80 for a protocol, password or parameters it lacks.
  std::uint16_t setAuthenticationTemplate(ByteView data);

  struct Step {
    Bytes data;  // the 7C answer
    std::uint16_t status = 0x9000;
    std::optional<ChipSecureMessaging> session;  // after a successful mutual authentication
  };
  // One GENERAL AUTHENTICATE (86) data field; steps out of order are 6985.
  Step generalAuthenticate(ByteView data);

  [[nodiscard]] bool started() const { return step_ != 0; }
  void abort();

 private:
  Step encryptedNonce();
  Step map(ByteView terminalMappingKey);
  Step agreeKey(ByteView terminalKey);
  Step mutualAuthenticate(ByteView terminalToken);
  [[nodiscard]] Bytes token(ByteView kMac, ByteView point) const;

  PaceSetup setup_;
  std::string mrzInformation_;
  std::string can_;
  ChipCurve curve_;
  int step_ = 0;  // 0: no MSE:Set AT; 1..4: the next GENERAL AUTHENTICATE expected
  Bytes password_;
  Bn nonce_;
  EcPoint mappedGenerator_;
  Bytes chipKey_;
  Bytes terminalKey_;
  Bytes sharedSecret_;
};

}  // namespace onestop::simulator::cccd
