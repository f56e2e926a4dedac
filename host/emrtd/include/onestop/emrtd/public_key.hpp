#pragma once

#include <openssl/evp.h>

#include <memory>
#include <string>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd {

struct PublicKeyDeleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using PublicKey = std::unique_ptr<EVP_PKEY, PublicKeyDeleter>;

enum class PublicKeyType { Rsa, Ec, Dh, Other };

struct PublicKeyDescription {
  PublicKeyType type = PublicKeyType::Other;
  std::string curve;  // EC curve ("brainpoolP256r1"), also for explicit parameters of a known curve
  int bits = 0;       // modulus size (RSA, DH) or field size (EC)
};

// A DER SubjectPublicKeyInfo (DG15, ChipAuthenticationPublicKeyInfo) loaded with d2i_PUBKEY;
// named and explicit EC parameters both load. Anything OpenSSL refuses, or trailing bytes,
// is Reason::ValidationFailed naming `structure`.
Result<PublicKey> loadPublicKey(ByteView subjectPublicKeyInfo,
                                const char* structure = "SubjectPublicKeyInfo");

// Type, curve and size of a loaded key.
PublicKeyDescription describePublicKey(const EVP_PKEY& key);

}  // namespace onestop::emrtd
