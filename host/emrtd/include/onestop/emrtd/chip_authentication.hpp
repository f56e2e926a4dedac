#pragma once

#include "onestop/common/result.hpp"
#include "onestop/emrtd/apdu.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/card_transport.hpp"
#include "onestop/emrtd/cipher_algorithm.hpp"
#include "onestop/emrtd/secure_channel.hpp"

namespace onestop::emrtd {

// What DG14 says about one chip key (ICAO 9303-11 §6.2, 9303-10 DG14).
struct ChipAuthenticationKey {
  // ChipAuthenticationPublicKeyInfo.chipAuthenticationPublicKey: a DER SubjectPublicKeyInfo
  // (EC, named or explicit parameters).
  Bytes subjectPublicKeyInfo;
  // DER content (no tag, no length) of ChipAuthenticationInfo.protocol:
  // id-CA-ECDH-3DES-CBC-CBC / -AES-CBC-CMAC-128/-192/-256 = 0.4.0.127.0.7.2.2.3.2.{1,2,3,4}.
  // The bare id-CA-ECDH (0.4.0.127.0.7.2.2.3.2, DG14 without ChipAuthenticationInfo) means
  // 3DES (CA version 1).
  Bytes protocolOid;
  // ChipAuthenticationInfo.keyId when DG14 holds several keys; empty otherwise.
  Bytes keyId;
};

// The session cipher a CA protocol OID selects; DH or unknown OIDs are Reason::NotSupported.
Result<CipherAlgorithm> chipAuthenticationCipher(ByteView protocolOid);

// The SELECT of EF.COM, the default command that proves the new session.
CommandApdu chipAuthenticationProbe();

// Chip Authentication with ECDH over the secure channel of BAC or PACE (`transport` is the one
// under `channel`):
//   an ephemeral key pair on the chip key's curve (OpenSSL keygen), then
//   AES:  MSE:Set AT  00 22 41 A4 {80 OID [84 keyId]}, GENERAL AUTHENTICATE 7C{80 PK_eph}
//   3DES: MSE:Set KAT 00 22 41 A6 {91 PK_eph [84 keyId]}
//   K = x(SK_eph·PK_chip) (EVP_PKEY_derive), K_enc = KDF(K,1), K_mac = KDF(K,2), SSC 0.
// Then `probe` is sent under the new keys. Only a protected answer whose MAC verifies under
// them counts: then `channel` switches to the new session and the probe's answer is returned.
// An answer that does not verify, or a plain 6987/6988 (the card did not derive the same
// keys), is Reason::CardNotGenuine and leaves `channel` unusable.
Result<ResponseApdu> authenticateChip(CardTransport& transport, SecureChannel& channel,
                                      const ChipAuthenticationKey& key,
                                      const CommandApdu& probe = chipAuthenticationProbe());

}  // namespace onestop::emrtd
