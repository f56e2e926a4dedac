#pragma once

#include <cstdint>
#include <string_view>
#include <variant>

#include "chip_secure_messaging.hpp"

namespace onestop::simulator::cccd {

// The chip's half of Basic Access Control (ICAO 9303-11 §4.3): checks the terminal's
// EXTERNAL AUTHENTICATE cryptogram against the document basic access keys and answers with its
// own, opening a 3DES secure messaging session.
class BacResponder {
 public:
  explicit BacResponder(std::string_view mrzInformation);
  ~BacResponder();
  BacResponder(const BacResponder&) = delete;
  BacResponder& operator=(const BacResponder&) = delete;

  struct Opened {
    Bytes answer;  // E.IC ‖ M.IC
    ChipSecureMessaging session;
  };
  // `challenge` is the RND.IC the chip gave in GET CHALLENGE. 6300 for a cryptogram made with
  // other keys (wrong MRZ), 6700 for a wrong length.
  [[nodiscard]] std::variant<Opened, std::uint16_t> authenticate(ByteView challenge,
                                                                 ByteView command) const;

 private:
  Bytes kEnc_;
  Bytes kMac_;
};

}  // namespace onestop::simulator::cccd
