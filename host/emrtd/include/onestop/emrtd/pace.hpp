#pragma once

#include <cstdint>
#include <string>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/card_transport.hpp"
#include "onestop/emrtd/cipher_algorithm.hpp"
#include "onestop/emrtd/random_source.hpp"
#include "onestop/emrtd/secure_messaging.hpp"

namespace onestop::emrtd {

// The PACE password and its reference in MSE:Set AT (DO'83').
enum class PacePasswordType : std::uint8_t { Mrz = 0x01, Can = 0x02 };

struct PacePassword {
  PacePasswordType type = PacePasswordType::Can;
  // MRZ_information (Mrz::bacMrzInformation(): document number, birth and expiry dates with
  // their check digits) for Mrz; the CAN digits for Can.
  std::string value;
};

// What EF.CardAccess announced: the cipher of id-PACE-ECDH-GM-<cipher> and the standardized
// domain parameters (ICAO 9303-11 table 6: 12 = NIST P-256, 13 = brainpoolP256r1, 8..18 are
// EC curves). The CCCD chip: AES-128 with 13.
struct PaceParameters {
  CipherAlgorithm cipher = CipherAlgorithm::Aes128;
  int domainParameterId = 13;
  // DO'84' with the parameter id in MSE:Set AT (needed when the chip offers several sets).
  bool sendDomainParameterId = false;
};

// DER content (no tag, no length) of id-PACE-ECDH-GM-AES-CBC-CMAC-128/-192/-256,
// 0.4.0.127.0.7.2.2.4.2.{2,3,4}. 3DES has an OID too (…4.2.1) but is not supported here.
Bytes paceEcdhGmOid(CipherAlgorithm cipher);

// PACE with generic mapping over ECDH (ICAO 9303-11 §4.4, Appendix G.1), eMRTD application
// not yet selected (PACE runs at MF level):
//   MSE:Set AT 00 22 C1 A4  80 OID, 83 password reference, [84 parameter id]
//   GA 7C{}          -> 7C{80 z}      s = AES-CBC-decrypt(K_π, IV 0, z), K_π = KDF(f(π), 3)
//   GA 7C{81 PK_map} -> 7C{82 PK'}    H = SK_map·PK', G' = s·G + H
//   GA 7C{83 PK_dh}  -> 7C{84 PK''}   K = x(SK_dh·PK''), K_enc = KDF(K,1), K_mac = KDF(K,2)
//   GA 7C{85 T}      -> 7C{86 T'}     T = MAC(K_mac, 7F49{06 OID, 86 PK''}), T' over PK_dh
// (every GA but the last chained with CLA 10). SK_map then SK_dh are drawn from `random`
// (order-length draws). The result is AES secure messaging with SSC 0.
// A wrong password (the card refusing T with 6300/63Cx/6982/6988, or a T' that does not
// verify) is Reason::AccessKeyRejected; a card point off the curve is ValidationFailed.
Result<SecureMessaging> performPace(CardTransport& transport, RandomSource& random,
                                    const PaceParameters& parameters, const PacePassword& password);

}  // namespace onestop::emrtd
