#include "onestop/emrtd/active_authentication.hpp"

#include <gtest/gtest.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace onestop::emrtd {
namespace {

using Pkey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

const Bytes kChallenge = hexBytes("0123456789ABCDEF");

Bytes spki(EVP_PKEY* key) {
  unsigned char* der = nullptr;
  const int size = i2d_PUBKEY(key, &der);
  Bytes out(der, der + size);
  OPENSSL_free(der);
  return out;
}

Bytes hashOf(const char* name, const Bytes& data) {
  Bytes out(EVP_MAX_MD_SIZE);
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), out.data(), &size, EVP_get_digestbyname(name), nullptr);
  out.resize(size);
  return out;
}

// The chip's ECDSA signer: DER from OpenSSL, re-encoded as r ‖ s of the order's length.
Bytes ecdsaSign(EVP_PKEY* key, const char* hash, const Bytes& message, std::size_t half) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  std::size_t size = 0;
  EVP_DigestSignInit(ctx, nullptr, EVP_get_digestbyname(hash), nullptr, key);
  EVP_DigestSign(ctx, nullptr, &size, message.data(), message.size());
  Bytes der(size);
  EVP_DigestSign(ctx, der.data(), &size, message.data(), message.size());
  EVP_MD_CTX_free(ctx);
  const unsigned char* cursor = der.data();
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(size));
  Bytes out(2 * half);
  BN_bn2binpad(ECDSA_SIG_get0_r(sig), out.data(), static_cast<int>(half));
  BN_bn2binpad(ECDSA_SIG_get0_s(sig), out.data() + half, static_cast<int>(half));
  ECDSA_SIG_free(sig);
  return out;
}

// The chip's ISO/IEC 9796-2 scheme 1 signer: F = 6A ‖ M1 ‖ H(M1 ‖ M2) ‖ trailer, then the raw
// RSA private operation.
Bytes iso9796Sign(EVP_PKEY* key, const char* hash, const Bytes& trailer, const Bytes& m2,
                  std::uint8_t header = 0x6A) {
  const auto k = static_cast<std::size_t>(EVP_PKEY_get_size(key));
  const std::size_t hashSize = hashOf(hash, {}).size();
  Bytes m1(k - 1 - hashSize - trailer.size());
  for (std::size_t i = 0; i < m1.size(); ++i) m1[i] = static_cast<std::uint8_t>(i * 7 + 3);
  Bytes m = m1;
  m.insert(m.end(), m2.begin(), m2.end());
  Bytes f{header};
  f.insert(f.end(), m1.begin(), m1.end());
  const Bytes h = hashOf(hash, m);
  f.insert(f.end(), h.begin(), h.end());
  f.insert(f.end(), trailer.begin(), trailer.end());
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr);
  EVP_PKEY_sign_init(ctx);
  EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_NO_PADDING);
  std::size_t size = k;
  Bytes sig(k);
  EVP_PKEY_sign(ctx, sig.data(), &size, f.data(), f.size());
  EVP_PKEY_CTX_free(ctx);
  return sig;
}

// A chip that answers INTERNAL AUTHENTICATE with `sign(challenge)`.
class AaCard final : public ApduChannel {
 public:
  explicit AaCard(std::function<Bytes(const Bytes&)> sign) : sign_(std::move(sign)) {}
  Result<ResponseApdu> send(const CommandApdu& c) override {
    sent.push_back(c);
    if (c.ins != 0x88) return ResponseApdu{{}, 0x6D00};
    return ResponseApdu{sign_(c.data), status};
  }
  [[nodiscard]] std::size_t maxResponseData() const override { return 256; }
  std::vector<CommandApdu> sent;
  std::uint16_t status = 0x9000;

 private:
  std::function<Bytes(const Bytes&)> sign_;
};

Pkey ecKey(const char* curve) {
  return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve), EVP_PKEY_free);
}

Pkey rsaKey(std::size_t bits) {
  return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", bits), EVP_PKEY_free);
}

TEST(ActiveAuthentication, EcdsaP256Sha256Verifies) {
  Pkey key = ecKey("P-256");
  AaCard card([&](const Bytes& m) { return ecdsaSign(key.get(), "SHA256", m, 32); });
  auto verdict = performActiveAuthentication(card, kChallenge, spki(key.get()));
  ASSERT_TRUE(verdict.ok()) << verdict.error().detail();
  EXPECT_TRUE(*verdict);
  ASSERT_EQ(card.sent.size(), 1U);
  EXPECT_EQ(toHex(card.sent[0].encode()), "00880000080123456789ABCDEF00");
}

TEST(ActiveAuthentication, EcdsaBrainpoolWithTheHashOfActiveAuthenticationInfo) {
  Pkey key = ecKey("brainpoolP384r1");
  const std::string hash = activeAuthenticationHash(hexBytes("2A8648CE3D040303")).value();
  EXPECT_EQ(hash, "SHA384");
  AaCard card([&](const Bytes& m) { return ecdsaSign(key.get(), "SHA384", m, 48); });
  auto verdict = performActiveAuthentication(card, kChallenge, spki(key.get()), hash);
  ASSERT_TRUE(verdict.ok()) << verdict.error().detail();
  EXPECT_TRUE(*verdict);
}

TEST(ActiveAuthentication, TamperedEcdsaSignatureIsFalse) {
  Pkey key = ecKey("P-256");
  Bytes sig = ecdsaSign(key.get(), "SHA256", kChallenge, 32);
  for (const std::size_t at : {std::size_t{0}, std::size_t{31}, std::size_t{63}}) {
    Bytes tampered = sig;
    tampered[at] ^= 0x01;
    auto verdict = verifyActiveAuthentication(spki(key.get()), kChallenge, tampered);
    ASSERT_TRUE(verdict.ok()) << verdict.error().detail();
    EXPECT_FALSE(*verdict) << at;
  }
  for (const Bytes& junk : {Bytes{}, Bytes{0x01, 0x02, 0x03}, Bytes(64, 0x00), Bytes(64, 0xFF)}) {
    auto verdict = verifyActiveAuthentication(spki(key.get()), kChallenge, junk);
    ASSERT_TRUE(verdict.ok());
    EXPECT_FALSE(*verdict);
  }
  EXPECT_EQ(ERR_peek_error(), 0UL);  // no OpenSSL errors left behind
}

TEST(ActiveAuthentication, SignatureOverAnotherChallengeIsFalse) {
  Pkey key = ecKey("P-256");
  AaCard card([&](const Bytes&) { return ecdsaSign(key.get(), "SHA256", Bytes(8, 0x00), 32); });
  auto verdict = performActiveAuthentication(card, kChallenge, spki(key.get()));
  ASSERT_TRUE(verdict.ok());
  EXPECT_FALSE(*verdict);
}

TEST(ActiveAuthentication, RsaIso9796WithSha1TrailerBcVerifies) {
  Pkey key = rsaKey(1024);
  AaCard card([&](const Bytes& m) { return iso9796Sign(key.get(), "SHA1", {0xBC}, m); });
  auto verdict = performActiveAuthentication(card, kChallenge, spki(key.get()));
  ASSERT_TRUE(verdict.ok()) << verdict.error().detail();
  EXPECT_TRUE(*verdict);
}

TEST(ActiveAuthentication, RsaIso9796WithSha256Trailer34CcVerifies) {
  Pkey key = rsaKey(2048);
  const Bytes sig = iso9796Sign(key.get(), "SHA256", {0x34, 0xCC}, kChallenge);
  auto verdict = verifyActiveAuthentication(spki(key.get()), kChallenge, sig);
  ASSERT_TRUE(verdict.ok()) << verdict.error().detail();
  EXPECT_TRUE(*verdict);
}

TEST(ActiveAuthentication, TamperedOrMalformedRsaSignatureIsFalse) {
  Pkey key = rsaKey(1024);
  const Bytes der = spki(key.get());
  Bytes sig = iso9796Sign(key.get(), "SHA1", {0xBC}, kChallenge);
  sig[50] ^= 0x01;
  EXPECT_FALSE(verifyActiveAuthentication(der, kChallenge, sig).value());
  // Header other than 6A, unknown trailer, the wrong challenge, wrong length, above n.
  EXPECT_FALSE(verifyActiveAuthentication(der, kChallenge,
                                          iso9796Sign(key.get(), "SHA1", {0xBC}, kChallenge, 0x4A))
                   .value());
  EXPECT_FALSE(verifyActiveAuthentication(der, kChallenge,
                                          iso9796Sign(key.get(), "SHA1", {0x99, 0xCC}, kChallenge))
                   .value());
  EXPECT_FALSE(verifyActiveAuthentication(der, kChallenge,
                                          iso9796Sign(key.get(), "SHA1", {0xBC}, Bytes(8, 0)))
                   .value());
  EXPECT_FALSE(verifyActiveAuthentication(der, kChallenge, Bytes(100, 0x42)).value());
  EXPECT_FALSE(verifyActiveAuthentication(der, kChallenge, Bytes(128, 0xFF)).value());
}

TEST(ActiveAuthentication, RefusesChallengesOtherThanEightBytesAndBadKeys) {
  Pkey key = ecKey("P-256");
  AaCard card([](const Bytes&) { return Bytes{}; });
  auto shortChallenge = performActiveAuthentication(card, Bytes(7, 0), spki(key.get()));
  ASSERT_FALSE(shortChallenge.ok());
  EXPECT_EQ(shortChallenge.error().reason(), Reason::ValidationFailed);
  EXPECT_TRUE(card.sent.empty());
  auto badKey = verifyActiveAuthentication(hexBytes("300100"), kChallenge, Bytes(64, 1));
  ASSERT_FALSE(badKey.ok());
  EXPECT_EQ(badKey.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(activeAuthenticationHash({}).value(), "SHA256");
  EXPECT_EQ(activeAuthenticationHash(hexBytes("2A8648CE3D0401")).value(), "SHA1");
  EXPECT_EQ(activeAuthenticationHash(hexBytes("04007F000701010401"
                                              "03"))
                .value(),
            "SHA256");
  EXPECT_EQ(activeAuthenticationHash(hexBytes("04007F000701010401"
                                              "05"))
                .value(),
            "SHA512");
  EXPECT_FALSE(activeAuthenticationHash(hexBytes("04007F000701010401"
                                                 "09"))
                   .ok());
  EXPECT_FALSE(activeAuthenticationHash(hexBytes("2A864886F70D01010B")).ok());
}

TEST(ActiveAuthentication, CardStatusErrorIsAnError) {
  Pkey key = ecKey("P-256");
  AaCard card([](const Bytes&) { return Bytes{}; });
  card.status = 0x6D00;
  auto verdict = performActiveAuthentication(card, kChallenge, spki(key.get()));
  ASSERT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.error().reason(), Reason::NotSupported);
}

}  // namespace
}  // namespace onestop::emrtd
