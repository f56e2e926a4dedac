#include "chip_authentication_responder.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>

#include <memory>

#include "status_words.hpp"

namespace onestop::simulator::cccd {
namespace {

struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;

// id-CA-ECDH = 0.4.0.127.0.7.2.2.3.2; the last arc picks the cipher.
const Bytes kIdCaEcdh{0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x03, 0x02};

std::optional<SmCipher> cipherOf(ByteView oid) {
  if (oid.size() != kIdCaEcdh.size() + 1 || Bytes(oid.begin(), oid.end() - 1) != kIdCaEcdh) {
    return std::nullopt;
  }
  switch (oid.back()) {
    case 0x01:
      return SmCipher::Des3;
    case 0x02:
      return SmCipher::Aes128;
    case 0x03:
      return SmCipher::Aes192;
    case 0x04:
      return SmCipher::Aes256;
    default:
      return std::nullopt;
  }
}

std::optional<ByteView> find(const std::vector<ChipTlv>& objects, std::uint32_t tag) {
  for (const ChipTlv& object : objects) {
    if (object.tag == tag) return object.value;
  }
  return std::nullopt;
}

// The terminal's point as a public key on the chip key's curve; null when it is not one.
PrivateKey peerKey(EVP_PKEY* chipKey, ByteView point) {
  char group[80] = {};
  std::size_t groupLength = 0;
  if (EVP_PKEY_get_utf8_string_param(chipKey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group,
                                     &groupLength) != 1) {
    return nullptr;
  }
  Bytes octets(point.begin(), point.end());
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
      OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, octets.data(), octets.size()),
      OSSL_PARAM_construct_end()};
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
  EVP_PKEY* key = nullptr;
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params) != 1) {
    return nullptr;
  }
  return PrivateKey(key, PkeyFree{});
}

}  // namespace

std::uint16_t ChipAuthenticationResponder::setAuthenticationTemplate(ByteView data) {
  cipher_.reset();
  auto objects = parseAll(data);
  if (!objects) return sw::kWrongData;
  const auto oid = find(*objects, 0x80);
  if (!oid) return sw::kWrongData;
  cipher_ = cipherOf(*oid);
  return cipher_ ? sw::kOk : sw::kReferencedDataNotFound;
}

std::variant<ChipSecureMessaging, std::uint16_t> ChipAuthenticationResponder::generalAuthenticate(
    ByteView data) {
  if (!cipher_) return sw::kConditionsNotSatisfied;
  const SmCipher cipher = *cipher_;
  cipher_.reset();
  auto wrapper = parseOne(data);
  if (!wrapper || wrapper->tag != 0x7C) return sw::kWrongData;
  auto inner = parseAll(wrapper->value);
  if (!inner) return sw::kWrongData;
  const auto key = find(*inner, 0x80);
  if (!key) return sw::kWrongData;
  return agree(*key, cipher);
}

std::variant<ChipSecureMessaging, std::uint16_t>
ChipAuthenticationResponder::setKeyAgreementTemplate(ByteView data) {
  auto objects = parseAll(data);
  if (!objects) return sw::kWrongData;
  const auto key = find(*objects, 0x91);
  if (!key) return sw::kWrongData;
  return agree(*key, SmCipher::Des3);
}

std::variant<ChipSecureMessaging, std::uint16_t> ChipAuthenticationResponder::agree(
    ByteView terminalKey, SmCipher cipher) {
  PrivateKey peer = peerKey(chipKey_.get(), terminalKey);
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, chipKey_.get(), nullptr));
  std::size_t size = 0;
  if (!peer || !ctx || EVP_PKEY_derive_init(ctx.get()) != 1 ||
      EVP_PKEY_derive_set_peer(ctx.get(), peer.get()) != 1 ||
      EVP_PKEY_derive(ctx.get(), nullptr, &size) != 1) {
    ERR_clear_error();
    return sw::kWrongData;  // not a point of the chip key's curve
  }
  Bytes secret(size);
  if (EVP_PKEY_derive(ctx.get(), secret.data(), &size) != 1) {
    ERR_clear_error();
    return sw::kNoPreciseDiagnosis;
  }
  secret.resize(size);
  ChipSecureMessaging session(cipher, deriveKey(secret, cipher, KdfCounter::Enc),
                              deriveKey(secret, cipher, KdfCounter::Mac),
                              Bytes(blockSize(cipher), 0));
  OPENSSL_cleanse(secret.data(), secret.size());
  return session;
}

}  // namespace onestop::simulator::cccd
