#include "onestop/emrtd/active_authentication.hpp"

#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <algorithm>
#include <memory>

#include "onestop/emrtd/digest.hpp"

namespace onestop::emrtd {
namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct SigFree {
  void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

constexpr std::size_t kChallenge = 8;

// r ‖ s as a DER ECDSA-Sig-Value; empty when the halves are unusable.
Bytes derSignature(ByteView plain) {
  if (plain.empty() || plain.size() % 2 != 0) return {};
  const std::size_t half = plain.size() / 2;
  std::unique_ptr<ECDSA_SIG, SigFree> sig(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(plain.data(), static_cast<int>(half), nullptr);
  BIGNUM* s = BN_bin2bn(plain.data() + half, static_cast<int>(half), nullptr);
  if (!sig || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return {};
  }
  unsigned char* der = nullptr;
  const int size = i2d_ECDSA_SIG(sig.get(), &der);
  if (size <= 0) return {};
  Bytes out(der, der + size);
  OPENSSL_free(der);
  return out;
}

Result<bool> verifyEcdsa(EVP_PKEY* key, ByteView challenge, ByteView signature,
                         std::string_view hash) {
  const std::string name(hash);
  const EVP_MD* md = EVP_get_digestbyname(name.c_str());
  if (md == nullptr) return Error(Reason::NotSupported, "AA: unknown digest " + name);
  const Bytes der = derSignature(signature);
  if (der.empty()) return false;
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, key) != 1) {
    return Error(Reason::Internal, "AA: EVP_DigestVerifyInit");
  }
  return EVP_DigestVerify(ctx.get(), der.data(), der.size(), challenge.data(), challenge.size()) ==
         1;
}

// ISO/IEC 10118-3 hash identifiers of the xx CC trailer.
const char* trailerHash(std::uint8_t id) {
  switch (id) {
    case 0x33:
      return "SHA1";
    case 0x34:
      return "SHA256";
    case 0x35:
      return "SHA512";
    case 0x36:
      return "SHA384";
    case 0x38:
      return "SHA224";
    default:
      return nullptr;
  }
}

Result<bool> verifyIso9796(EVP_PKEY* key, ByteView challenge, ByteView signature) {
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr));
  if (!ctx || EVP_PKEY_verify_recover_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1) {
    return Error(Reason::Internal, "AA: EVP_PKEY_verify_recover_init");
  }
  Bytes f(static_cast<std::size_t>(EVP_PKEY_get_size(key)));
  std::size_t size = f.size();
  if (signature.size() != f.size() ||
      EVP_PKEY_verify_recover(ctx.get(), f.data(), &size, signature.data(), signature.size()) !=
          1) {
    return false;  // wrong length or a value not below the modulus
  }
  f.resize(size);
  if (f.size() < 4 || f.front() != 0x6A) return false;
  const bool implicit = f.back() == 0xBC;
  const char* hash =
      implicit ? "SHA1" : (f.back() == 0xCC ? trailerHash(f[f.size() - 2]) : nullptr);
  if (hash == nullptr) return false;
  const std::size_t trailer = implicit ? 1 : 2;
  auto probe = digest(hash, {});
  if (!probe) return probe.error();
  const std::size_t hashSize = probe->size();
  if (f.size() < 1 + hashSize + trailer) return false;
  const std::size_t m1Size = f.size() - 1 - hashSize - trailer;
  Bytes m(f.begin() + 1, f.begin() + 1 + static_cast<std::ptrdiff_t>(m1Size));
  append(m, challenge);
  auto expected = digest(hash, m);
  if (!expected) return expected.error();
  return CRYPTO_memcmp(expected->data(), f.data() + 1 + m1Size, hashSize) == 0;
}

}  // namespace

Result<std::string> activeAuthenticationHash(ByteView oid) {
  if (oid.empty()) return std::string("SHA256");
  const Bytes ecdsaWith{0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04};  // 1.2.840.10045.4
  const Bytes value(oid.begin(), oid.end());
  if (value == Bytes{0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x01}) return std::string("SHA1");
  if (value.size() == 8 && Bytes(value.begin(), value.begin() + 6) == ecdsaWith &&
      value[6] == 0x03) {
    switch (value[7]) {
      case 0x01:
        return std::string("SHA224");
      case 0x02:
        return std::string("SHA256");
      case 0x03:
        return std::string("SHA384");
      case 0x04:
        return std::string("SHA512");
      default:
        break;
    }
  }
  // BSI TR-03111 ecdsa-plain-signatures 0.4.0.127.0.7.1.1.4.1.x, which ICAO 9303-11 §9.2.8 uses.
  const Bytes ecdsaPlain{0x04, 0x00, 0x7F, 0x00, 0x07, 0x01, 0x01, 0x04, 0x01};
  if (value.size() == 10 && Bytes(value.begin(), value.begin() + 9) == ecdsaPlain) {
    switch (value[9]) {
      case 0x01:
        return std::string("SHA1");
      case 0x02:
        return std::string("SHA224");
      case 0x03:
        return std::string("SHA256");
      case 0x04:
        return std::string("SHA384");
      case 0x05:
        return std::string("SHA512");
      default:
        break;
    }
  }
  return Error(Reason::NotSupported, "AA: signature algorithm " + toHex(oid));
}

Result<bool> verifyActiveAuthentication(ByteView dg15PublicKey, ByteView challenge,
                                        ByteView signature, std::string_view ecdsaHash) {
  if (challenge.size() != kChallenge) {
    return Error(Reason::ValidationFailed, "AA: the challenge must be 8 bytes");
  }
  const unsigned char* cursor = dg15PublicKey.data();
  Pkey key(d2i_PUBKEY(nullptr, &cursor, static_cast<long>(dg15PublicKey.size())));
  if (!key || cursor != dg15PublicKey.data() + dg15PublicKey.size()) {
    ERR_clear_error();
    return Error(Reason::ValidationFailed, "AA: DG15 is not a SubjectPublicKeyInfo");
  }
  const int type = EVP_PKEY_get_base_id(key.get());
  if (type != EVP_PKEY_EC && type != EVP_PKEY_RSA) {
    return Error(Reason::NotSupported, "AA: DG15 key is neither EC nor RSA");
  }
  auto verdict = type == EVP_PKEY_EC ? verifyEcdsa(key.get(), challenge, signature, ecdsaHash)
                                     : verifyIso9796(key.get(), challenge, signature);
  ERR_clear_error();  // a signature that does not verify leaves OpenSSL errors behind
  return verdict;
}

Result<bool> performActiveAuthentication(ApduChannel& channel, ByteView challenge,
                                         ByteView dg15PublicKey, std::string_view ecdsaHash) {
  if (challenge.size() != kChallenge) {
    return Error(Reason::ValidationFailed, "AA: the challenge must be 8 bytes");
  }
  CommandApdu command = apdu::internalAuthenticate(challenge);
  // Under secure messaging on a short-length reader, 256 would not fit; EC signatures do.
  command.ne = std::min(command.ne, channel.maxResponseData());
  auto answer = channel.send(command);
  if (!answer) return answer.error();
  if (!answer->ok()) return statusError(answer->sw, "AA INTERNAL AUTHENTICATE");
  return verifyActiveAuthentication(dg15PublicKey, challenge, answer->data, ecdsaHash);
}

}  // namespace onestop::emrtd
