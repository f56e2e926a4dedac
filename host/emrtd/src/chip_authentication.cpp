#include "onestop/emrtd/chip_authentication.hpp"

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <algorithm>
#include <memory>
#include <string>

#include "onestop/emrtd/key_derivation.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd {
namespace {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;

const Bytes kIdCaEcdh{0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x03, 0x02};

Error failure(const char* what) {
  return Error(Reason::Internal, std::string("CA: OpenSSL ") + what);
}

Result<Pkey> chipPublicKey(ByteView spki) {
  const unsigned char* cursor = spki.data();
  Pkey key(d2i_PUBKEY(nullptr, &cursor, static_cast<long>(spki.size())));
  if (!key || cursor != spki.data() + spki.size()) {
    return Error(Reason::ValidationFailed, "CA: the DG14 public key is not a SubjectPublicKeyInfo");
  }
  if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_EC) {
    return Error(Reason::NotSupported, "CA: only ECDH chip keys are supported");
  }
  return key;
}

// An ephemeral key pair on the chip key's curve, its public point, and K = x(SK_eph·PK_chip).
struct Agreement {
  Bytes publicKey;
  Bytes secret;
};

Result<Agreement> agree(EVP_PKEY* chipKey) {
  PkeyCtx generator(EVP_PKEY_CTX_new_from_pkey(nullptr, chipKey, nullptr));
  EVP_PKEY* raw = nullptr;
  if (!generator || EVP_PKEY_keygen_init(generator.get()) != 1 ||
      EVP_PKEY_generate(generator.get(), &raw) != 1) {
    return failure("ephemeral key generation");
  }
  Pkey ephemeral(raw);
  unsigned char* encoded = nullptr;
  const std::size_t encodedSize = EVP_PKEY_get1_encoded_public_key(ephemeral.get(), &encoded);
  if (encodedSize == 0) return failure("EVP_PKEY_get1_encoded_public_key");
  Agreement out{Bytes(encoded, encoded + encodedSize), {}};
  OPENSSL_free(encoded);

  PkeyCtx derive(EVP_PKEY_CTX_new_from_pkey(nullptr, ephemeral.get(), nullptr));
  std::size_t size = 0;
  if (!derive || EVP_PKEY_derive_init(derive.get()) != 1 ||
      EVP_PKEY_derive_set_peer(derive.get(), chipKey) != 1 ||
      EVP_PKEY_derive(derive.get(), nullptr, &size) != 1) {
    return Error(Reason::ValidationFailed, "CA: ECDH with the DG14 key failed");
  }
  out.secret.resize(size);
  if (EVP_PKEY_derive(derive.get(), out.secret.data(), &size) != 1) return failure("derive");
  out.secret.resize(size);
  return out;
}

Result<void> sendKey(SecureChannel& channel, CipherAlgorithm cipher,
                     const ChipAuthenticationKey& key, const Bytes& ephemeralKey) {
  const Bytes keyReference = key.keyId.empty() ? Bytes{} : encodeTlv(0x84, key.keyId);
  if (cipher == CipherAlgorithm::Des3) {
    Bytes data = encodeTlv(0x91, ephemeralKey);
    append(data, keyReference);
    auto answer = channel.send(apdu::mseSetAt(apdu::MseTarget::ChipAuthenticationKat, data));
    if (!answer) return answer.error();
    if (!answer->ok()) return statusError(answer->sw, "CA MSE:Set KAT");
    return Ok{};
  }
  Bytes data = encodeTlv(0x80, key.protocolOid);
  append(data, keyReference);
  auto mse = channel.send(apdu::mseSetAt(apdu::MseTarget::ChipAuthentication, data));
  if (!mse) return mse.error();
  if (!mse->ok()) return statusError(mse->sw, "CA MSE:Set AT");
  CommandApdu command =
      apdu::generalAuthenticate(encodeTlv(0x7C, encodeTlv(0x80, ephemeralKey)), true);
  command.ne = std::min(command.ne, channel.maxResponseData());  // the answer is 7C 00
  auto answer = channel.send(command);
  if (!answer) return answer.error();
  if (!answer->ok()) return statusError(answer->sw, "CA GENERAL AUTHENTICATE");
  return Ok{};
}

Error notGenuine(const std::string& why) {
  return Error(Reason::CardNotGenuine, "CA: " + why);
}

}  // namespace

Result<CipherAlgorithm> chipAuthenticationCipher(ByteView oid) {
  if (oid.size() == kIdCaEcdh.size() && Bytes(oid.begin(), oid.end()) == kIdCaEcdh) {
    return CipherAlgorithm::Des3;
  }
  if (oid.size() == kIdCaEcdh.size() + 1 && Bytes(oid.begin(), oid.end() - 1) == kIdCaEcdh) {
    switch (oid.back()) {
      case 0x01:
        return CipherAlgorithm::Des3;
      case 0x02:
        return CipherAlgorithm::Aes128;
      case 0x03:
        return CipherAlgorithm::Aes192;
      case 0x04:
        return CipherAlgorithm::Aes256;
      default:
        break;
    }
  }
  return Error(Reason::NotSupported, "CA: protocol " + toHex(oid) + " is not id-CA-ECDH-*");
}

CommandApdu chipAuthenticationProbe() {
  return apdu::selectByFid(0x011E);
}

namespace {

Result<ResponseApdu> run(CardTransport& transport, SecureChannel& channel,
                         const ChipAuthenticationKey& key, const CommandApdu& probe) {
  auto cipher = chipAuthenticationCipher(key.protocolOid);
  if (!cipher) return cipher.error();
  auto chipKey = chipPublicKey(key.subjectPublicKeyInfo);
  if (!chipKey) return chipKey.error();
  auto agreement = agree(chipKey->get());
  if (!agreement) return agreement.error();
  auto sent = sendKey(channel, *cipher, key, agreement->publicKey);
  if (!sent) {
    wipe(agreement->secret);
    return sent.error();
  }
  auto session = SecureMessaging::create(
      *cipher, deriveKey(agreement->secret, *cipher, KdfCounter::Enc),
      deriveKey(agreement->secret, *cipher, KdfCounter::Mac), Bytes(blockSize(*cipher), 0));
  wipe(agreement->secret);
  if (!session) return session.error();

  auto wrapped = session->wrap(probe, transport.extendedLength());
  if (!wrapped) return wrapped.error();
  auto raw = transport.transmit(*wrapped);
  if (!raw) return raw.error();
  if (raw->size() <= 2) {
    const auto sw = static_cast<std::uint16_t>(raw->empty() ? 0 : ((*raw)[0] << 8) | raw->back());
    return notGenuine(
        "the card answered the first command under the new keys without secure "
        "messaging: " +
        describeStatus(sw));
  }
  auto answer = session->unwrap(*raw);
  if (!answer)
    return notGenuine("the answer under the new keys does not verify (" + answer.error().detail() +
                      ")");
  channel.replaceSession(std::move(session).value());
  return answer;
}

}  // namespace

Result<ResponseApdu> authenticateChip(CardTransport& transport, SecureChannel& channel,
                                      const ChipAuthenticationKey& key, const CommandApdu& probe) {
  auto answer = run(transport, channel, key, probe);
  ERR_clear_error();  // leave no OpenSSL errors of a refused key behind
  return answer;
}

}  // namespace onestop::emrtd
