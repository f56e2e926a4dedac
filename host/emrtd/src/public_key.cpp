#include "onestop/emrtd/public_key.hpp"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/objects.h>
#include <openssl/params.h>
#include <openssl/x509.h>

#include "structure_reader.hpp"

namespace onestop::emrtd {
namespace {

// The named curve that explicit EC parameters spell out (chips often store them so); "" if none.
std::string namedCurveOfExplicitParameters(const EVP_PKEY& key) {
  std::string name;
  OSSL_PARAM* params = nullptr;
  if (EVP_PKEY_todata(&key, EVP_PKEY_KEY_PARAMETERS, &params) != 1) return name;
  EC_GROUP* group = EC_GROUP_new_from_params(params, nullptr, nullptr);
  if (group != nullptr) {
    const int nid = EC_GROUP_check_named_curve(group, 0, nullptr);
    if (nid > 0 && OBJ_nid2sn(nid) != nullptr) name = OBJ_nid2sn(nid);
    EC_GROUP_free(group);
  }
  OSSL_PARAM_free(params);
  return name;
}

}  // namespace

Result<PublicKey> loadPublicKey(ByteView subjectPublicKeyInfo, const char* structure) {
  if (subjectPublicKeyInfo.empty()) return detail::invalidStructure(structure, "no public key");
  const unsigned char* p = subjectPublicKeyInfo.data();
  PublicKey key(d2i_PUBKEY(nullptr, &p, static_cast<long>(subjectPublicKeyInfo.size())));
  if (!key) return detail::invalidStructure(structure, "public key not readable by OpenSSL");
  if (p != subjectPublicKeyInfo.data() + subjectPublicKeyInfo.size()) {
    return detail::invalidStructure(structure, "trailing bytes after the public key");
  }
  return key;
}

PublicKeyDescription describePublicKey(const EVP_PKEY& key) {
  PublicKeyDescription out;
  const int bits = EVP_PKEY_get_bits(&key);
  out.bits = bits > 0 ? bits : 0;
  if (EVP_PKEY_is_a(&key, "RSA") || EVP_PKEY_is_a(&key, "RSA-PSS")) {
    out.type = PublicKeyType::Rsa;
  } else if (EVP_PKEY_is_a(&key, "EC")) {
    out.type = PublicKeyType::Ec;
    char name[80] = {};
    std::size_t length = 0;
    if (EVP_PKEY_get_utf8_string_param(&key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name,
                                       &length) == 1) {
      out.curve.assign(name, length);
    } else {
      out.curve = namedCurveOfExplicitParameters(key);
    }
  } else if (EVP_PKEY_is_a(&key, "DH") || EVP_PKEY_is_a(&key, "DHX")) {
    out.type = PublicKeyType::Dh;
  }
  return out;
}

}  // namespace onestop::emrtd
