#pragma once

#include <cstdint>
#include <string_view>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/cipher_algorithm.hpp"

namespace onestop::emrtd {

// ICAO 9303-11 §9.7.1: KDF(K, c) = H(K ‖ c) with a 32-bit big-endian counter c, cut to the key
// length; H is SHA-1 for 3DES and AES-128, SHA-256 for AES-192 and AES-256. 3DES keys get
// their DES parity bits adjusted (as in the Appendix D vectors).
enum class KdfCounter : std::uint32_t { Enc = 1, Mac = 2, Password = 3 };

Bytes deriveKey(ByteView secret, CipherAlgorithm algorithm, KdfCounter counter);

// Sets the lowest bit of every byte so that each byte has odd parity (DES key convention).
void adjustDesParity(Bytes& key);

// BAC (ICAO 9303-11 §9.7.2): K_seed = first 16 bytes of SHA-1(MRZ_information); K_enc and
// K_mac are KDF(K_seed, 1) and KDF(K_seed, 2) for 3DES.
struct BacKeys {
  Bytes kEnc;
  Bytes kMac;
};
Bytes bacKeySeed(std::string_view mrzInformation);
BacKeys deriveBacKeys(std::string_view mrzInformation);

// PACE password f(π) (ICAO 9303-11 §9.7.3, table 14): SHA-1(MRZ_information) for the MRZ
// password, the ISO 8859-1 digits themselves for a CAN. K_π = deriveKey(f(π), algorithm,
// KdfCounter::Password).
Bytes paceMrzPassword(std::string_view mrzInformation);
Bytes paceCanPassword(std::string_view can);

}  // namespace onestop::emrtd
