#include "active_authentication_signer.hpp"

#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/rsa.h>

#include <memory>
#include <stdexcept>

#include "status_words.hpp"

namespace onestop::simulator::cccd {
namespace {

struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct SigFree {
  void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};

constexpr std::size_t kChallenge = 8;
constexpr std::uint8_t kIso9796Header = 0x6A;  // scheme 1, partial recovery
constexpr std::uint8_t kImplicitSha1 = 0xBC;   // trailer: SHA-1 implied
constexpr std::size_t kSha1Size = 20;

[[noreturn]] void fail(const char* what) {
  throw std::runtime_error(std::string("chip AA: ") + what);
}

}  // namespace

std::variant<Bytes, std::uint16_t> ActiveAuthenticationSigner::sign(ByteView challenge) const {
  if (challenge.size() != kChallenge) return sw::kWrongLength;
  if (EVP_PKEY_get_base_id(key_.get()) == EVP_PKEY_RSA) return signIso9796(challenge);
  return signEcdsa(challenge);
}

Bytes ActiveAuthenticationSigner::signEcdsa(ByteView challenge) const {
  const EVP_MD* md = EVP_get_digestbyname(ecdsaHash_.c_str());
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  std::size_t size = 0;
  if (md == nullptr || !ctx ||
      EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, key_.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &size, challenge.data(), challenge.size()) != 1) {
    fail("EVP_DigestSignInit");
  }
  Bytes der(size);
  if (EVP_DigestSign(ctx.get(), der.data(), &size, challenge.data(), challenge.size()) != 1) {
    fail("EVP_DigestSign");
  }
  const unsigned char* cursor = der.data();
  std::unique_ptr<ECDSA_SIG, SigFree> sig(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(size)));
  if (!sig) fail("d2i_ECDSA_SIG");
  // r and s each as wide as the group order.
  const int half = (EVP_PKEY_get_bits(key_.get()) + 7) / 8;
  Bytes plain(static_cast<std::size_t>(2 * half));
  if (BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), plain.data(), half) != half ||
      BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), plain.data() + half, half) != half) {
    fail("BN_bn2binpad");
  }
  return plain;
}

Bytes ActiveAuthenticationSigner::signIso9796(ByteView challenge) const {
  const auto k = static_cast<std::size_t>(EVP_PKEY_get_size(key_.get()));
  if (k < 1 + kSha1Size + 1 + 1) fail("RSA key too small");
  // F = 6A ‖ M1 ‖ SHA-1(M1 ‖ M2) ‖ BC with M1 random (recoverable), M2 = the challenge.
  const Bytes m1 = randomBytes(k - 2 - kSha1Size);
  Bytes message = m1;
  append(message, challenge);
  Bytes f{kIso9796Header};
  append(f, m1);
  append(f, digest("SHA1", message));
  f.push_back(kImplicitSha1);

  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(
      EVP_PKEY_CTX_new_from_pkey(nullptr, key_.get(), nullptr));
  std::size_t size = k;
  Bytes signature(k);
  if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1 ||
      EVP_PKEY_sign(ctx.get(), signature.data(), &size, f.data(), f.size()) != 1) {
    fail("raw RSA private operation");
  }
  signature.resize(size);
  OPENSSL_cleanse(f.data(), f.size());
  return signature;
}

}  // namespace onestop::simulator::cccd
