#pragma once

#include <openssl/evp.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "chip_crypto.hpp"

namespace onestop::simulator::cccd {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using PrivateKey = std::shared_ptr<EVP_PKEY>;

// The PACE protocol the chip runs, from its EF.CardAccess PACEInfo.
struct PaceSetup {
  Bytes protocolOid;  // id-PACE-ECDH-GM-AES-CBC-CMAC-128 … (content octets)
  SmCipher cipher = SmCipher::Aes128;
  int parameterId = 0;  // standardized domain parameters (9303-11 §9.5.1), 13 = brainpoolP256r1
};

// chip.json of a card folder plus the private keys it names:
//   {"mrzInformation": "<24 chars>", "can": "<6 digits>", "pace": bool,
//    "chipAuthenticationKey": "chip-auth-key.pem" | null,
//    "activeAuthenticationKey": "active-auth-key.pem" | null}
struct ChipProfile {
  std::string mrzInformation;  // BAC and PACE-MRZ secret
  std::string can;             // PACE-CAN secret
  std::optional<PaceSetup> pace;
  PrivateKey chipAuthenticationKey;                 // null: no CA
  PrivateKey activeAuthenticationKey;               // null: no AA
  std::string activeAuthenticationHash = "SHA256";  // ECDSA hash from DG14 ActiveAuthenticationInfo

  // Throws std::runtime_error on a missing or malformed chip.json or key file.
  static ChipProfile load(const std::filesystem::path& folder, ByteView cardAccess, ByteView dg14);
};

}  // namespace onestop::simulator::cccd
