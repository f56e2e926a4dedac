#include "card_evidence.hpp"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "onestop/workflows/challenge_binding.hpp"

namespace onestop::testing {
namespace {

emrtd::Bytes readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = std::move(buffer).str();
  return {text.begin(), text.end()};
}

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

Pkey activeAuthenticationKey(const std::string& card) {
  const auto pem = readFile(cardDir(card) / "active-auth-key.pem");
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  Pkey key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!key) throw std::runtime_error(card + ": active-auth-key.pem does not load");
  return key;
}

// ECDSA over SHA-256 as OpenSSL makes it (DER), turned into the chip's plain r ‖ s.
emrtd::Bytes signPlainEcdsa(EVP_PKEY* key, const emrtd::Bytes& message) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  std::size_t length = 0;
  if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length, message.data(), message.size()) != 1) {
    throw std::runtime_error("ECDSA signing failed");
  }
  emrtd::Bytes der(length);
  if (EVP_DigestSign(ctx.get(), der.data(), &length, message.data(), message.size()) != 1) {
    throw std::runtime_error("ECDSA signing failed");
  }
  const unsigned char* cursor = der.data();
  std::unique_ptr<ECDSA_SIG, decltype(&ECDSA_SIG_free)> sig(
      d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(length)), ECDSA_SIG_free);
  if (!sig) throw std::runtime_error("ECDSA signature does not parse");
  const int half = (EVP_PKEY_get_bits(key) + 7) / 8;
  emrtd::Bytes plain(static_cast<std::size_t>(half) * 2);
  BN_bn2binpad(ECDSA_SIG_get0_r(sig.get()), plain.data(), half);
  BN_bn2binpad(ECDSA_SIG_get0_s(sig.get()), plain.data() + half, half);
  return plain;
}

}  // namespace

std::filesystem::path cardDir(const std::string& card) {
  return std::filesystem::path(ONESTOP_TEST_CARDS_DIR) / card;
}

nlohmann::json cardTruth(const std::string& card) {
  const auto text = readFile(cardDir(card) / "card.json");
  return nlohmann::json::parse(text.begin(), text.end());
}

workflows::Evidence cardEvidence(const std::string& card, const std::string& challenge,
                                 const std::string& origin) {
  workflows::Evidence evidence;
  evidence.readAt = "2026-01-01T00:00:00Z";
  evidence.challenge = challenge;
  evidence.origin = origin;
  evidence.authentication = "BAC";
  evidence.sod = readFile(cardDir(card) / "EF.SOD.bin");
  for (int number = 1; number <= 16; ++number) {
    const auto file = cardDir(card) / ("EF.DG" + std::to_string(number) + ".bin");
    if (std::filesystem::exists(file)) evidence.dataGroups[number] = readFile(file);
  }
  return evidence;
}

bool hasEcActiveAuthenticationKey(const std::string& card) {
  return EVP_PKEY_is_a(activeAuthenticationKey(card).get(), "EC") == 1;
}

void signActiveAuthentication(workflows::Evidence& evidence, const std::string& card,
                              const std::string& challenge, const std::string& origin) {
  const auto key = activeAuthenticationKey(card);
  if (EVP_PKEY_is_a(key.get(), "EC") != 1) throw std::runtime_error(card + ": AA key is not EC");
  evidence.activeAuthenticationChallenge =
      workflows::activeAuthenticationChallenge(challenge, origin);
  evidence.activeAuthenticationSignature =
      signPlainEcdsa(key.get(), evidence.activeAuthenticationChallenge);
}

emrtd::TrustStore cardTrustStore() {
  emrtd::TrustStore trust;
  const auto added =
      trust.addDirectory((std::filesystem::path(ONESTOP_TEST_CARDS_DIR) / "trust").string());
  if (!added) throw std::runtime_error("trust/: " + added.error().detail());
  return trust;
}

}  // namespace onestop::testing
