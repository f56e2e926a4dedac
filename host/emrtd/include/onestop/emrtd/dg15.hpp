#pragma once

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/public_key.hpp"

namespace onestop::emrtd {

// EF.DG15 (ICAO 9303-10 §4.7.15): 6F { SubjectPublicKeyInfo }, the Active Authentication key.
struct Dg15 {
  Bytes subjectPublicKeyInfo;        // DER, as stored
  PublicKey key;                     // loaded with d2i_PUBKEY
  PublicKeyDescription description;  // RSA or EC, curve name, bits
};

// The whole file. A malformed or truncated file, or a key OpenSSL cannot load, is
// Reason::ValidationFailed ("DG15: ...").
Result<Dg15> parseDg15(ByteView file);

}  // namespace onestop::emrtd
