#pragma once

#include <string>
#include <string_view>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/apdu_channel.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd {

// Active Authentication (ICAO 9303-11 §6.1): the chip signs an 8-byte challenge with the
// private key whose public key is in DG15.

// The digest named by ActiveAuthenticationInfo.signatureAlgorithm (DER content of
// ecdsa-with-SHA1/-SHA224/-SHA256/-SHA384/-SHA512): "SHA1"... An empty OID (DG14 without
// ActiveAuthenticationInfo) gives the default "SHA256"; anything else is NotSupported.
Result<std::string> activeAuthenticationHash(ByteView signatureAlgorithmOid);

// The verdict on one signature; `dg15PublicKey` is DG15's DER SubjectPublicKeyInfo.
//   EC:  the signature is r ‖ s (two halves of equal length), ECDSA over the challenge with
//        `ecdsaHash` (an OpenSSL digest name).
//   RSA: ISO/IEC 9796-2 digital signature scheme 1 with partial message recovery: the raw
//        public operation gives F = 6A ‖ M1 ‖ H(M1 ‖ challenge) ‖ trailer, where trailer BC
//        means SHA-1 and xx CC names the hash (33 SHA-1, 34 SHA-256, 35 SHA-512, 36 SHA-384,
//        38 SHA-224).
// A signature that does not verify, however malformed, is `false`. Errors: a challenge other
// than 8 bytes or an unreadable key (ValidationFailed), a key that is neither EC nor RSA or an
// unknown digest (NotSupported).
Result<bool> verifyActiveAuthentication(ByteView dg15PublicKey, ByteView challenge,
                                        ByteView signature, std::string_view ecdsaHash = "SHA256");

// Re-checks a recorded AA signature from the files alone (an evidence bundle): the key from
// DG15, the digest from DG14's ActiveAuthenticationInfo (SHA-256 when DG14 is empty).
Result<bool> verifyActiveAuthenticationFiles(ByteView dg15, ByteView dg14, ByteView challenge,
                                             ByteView signature);

// INTERNAL AUTHENTICATE 00 88 00 00 08 challenge 00 on `channel` (usually the secure channel),
// then the verdict above. The caller chooses the challenge (the product binds it to the
// request). A status other than 9000 is an error (statusError).
Result<bool> performActiveAuthentication(ApduChannel& channel, ByteView challenge,
                                         ByteView dg15PublicKey,
                                         std::string_view ecdsaHash = "SHA256");

}  // namespace onestop::emrtd
