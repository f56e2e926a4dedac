#include "onestop/emrtd/pace.hpp"

#include <openssl/crypto.h>
#include <openssl/err.h>

#include <string>

#include "onestop/emrtd/key_derivation.hpp"
#include "onestop/emrtd/plain_channel.hpp"
#include "onestop/emrtd/symmetric_crypto.hpp"
#include "onestop/emrtd/tlv.hpp"
#include "pace_curve.hpp"

namespace onestop::emrtd {
namespace {

using detail::PaceCurve;

Error rejected(const std::string& why) {
  return Error(Reason::AccessKeyRejected, "PACE: " + why);
}

// How chips refuse the terminal's token when the password was wrong.
bool refusesPassword(std::uint16_t sw) {
  return sw == 0x6300 || (sw & 0xFFF0) == 0x63C0 || sw == 0x6982 || sw == 0x6988;
}

Bytes passwordKey(const PacePassword& password, CipherAlgorithm cipher) {
  Bytes secret = password.type == PacePasswordType::Mrz ? paceMrzPassword(password.value)
                                                        : paceCanPassword(password.value);
  Bytes key = deriveKey(secret, cipher, KdfCounter::Password);
  wipe(secret);
  return key;
}

Result<ResponseApdu> sendMseSetAt(PlainChannel& channel, const PaceParameters& parameters,
                                  PacePasswordType type) {
  Bytes data = encodeTlv(0x80, paceEcdhGmOid(parameters.cipher));
  append(data, encodeTlv(0x83, Bytes{static_cast<std::uint8_t>(type)}));
  if (parameters.sendDomainParameterId) {
    append(data, encodeTlv(0x84, Bytes{static_cast<std::uint8_t>(parameters.domainParameterId)}));
  }
  return channel.send(apdu::mseSetAt(apdu::MseTarget::Pace, data));
}

// One GENERAL AUTHENTICATE step: sends 7C{dataObject}, returns the value of `answerTag` inside
// the card's 7C.
Result<Bytes> step(PlainChannel& channel, ByteView dataObject, Tag answerTag, bool last,
                   const std::string& name) {
  auto answer = channel.send(apdu::generalAuthenticate(encodeTlv(0x7C, dataObject), last));
  if (!answer) return answer.error();
  if (last && refusesPassword(answer->sw)) {
    return rejected(name + " refused: " + describeStatus(answer->sw));
  }
  if (!answer->ok()) return statusError(answer->sw, "PACE " + name);
  auto found = findTlv(answer->data, {0x7C, answerTag});
  if (!found) return Error(Reason::IoError, "PACE " + name + ": " + found.error().detail());
  return Bytes(found->value.begin(), found->value.end());
}

Result<Bytes> token(ByteView kMac, ByteView oid, ByteView point) {
  Bytes inner = encodeTlv(0x06, oid);
  append(inner, encodeTlv(0x86, point));
  auto mac = aesCmac(kMac, encodeTlv(0x7F49, inner));
  if (!mac) return mac.error();
  mac->resize(8);
  return mac;
}

// Mapping and key agreement: returns K (the x-coordinate of the shared point) and both
// key-agreement public keys, terminal's first.
struct Agreement {
  Bytes secret;
  Bytes terminalKey;
  Bytes chipKey;
};

Result<Agreement> agree(PlainChannel& channel, RandomSource& random, const PaceCurve& curve,
                        ByteView nonce) {
  auto skMap = curve.generatePrivateKey(random);
  if (!skMap) return skMap.error();
  auto pkMap = curve.publicKey(*skMap);
  if (!pkMap) return pkMap.error();
  auto chipMap = step(channel, encodeTlv(0x81, *pkMap), 0x82, false, "GA map nonce");
  if (!chipMap) return chipMap.error();
  auto h = curve.multiply(*skMap, *chipMap);
  wipe(*skMap);
  if (!h) return h.error();
  auto mapped = curve.mapped(nonce, *h);
  wipe(*h);
  if (!mapped) return mapped.error();

  auto skDh = mapped->generatePrivateKey(random);
  if (!skDh) return skDh.error();
  auto pkDh = mapped->publicKey(*skDh);
  if (!pkDh) return pkDh.error();
  auto chipDh = step(channel, encodeTlv(0x83, *pkDh), 0x84, false, "GA key agreement");
  if (!chipDh) return chipDh.error();
  if (*chipDh == *pkDh) {
    return Error(Reason::ValidationFailed, "PACE: the card echoed the terminal's public key");
  }
  auto shared = mapped->multiply(*skDh, *chipDh);
  wipe(*skDh);
  if (!shared) return shared.error();
  Agreement out{mapped->xCoordinate(*shared), std::move(*pkDh), std::move(*chipDh)};
  wipe(*shared);
  return out;
}

}  // namespace

Bytes paceEcdhGmOid(CipherAlgorithm cipher) {
  std::uint8_t last = 0x01;
  if (cipher == CipherAlgorithm::Aes128) last = 0x02;
  if (cipher == CipherAlgorithm::Aes192) last = 0x03;
  if (cipher == CipherAlgorithm::Aes256) last = 0x04;
  return Bytes{0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02, last};
}

namespace {

Result<SecureMessaging> run(CardTransport& transport, RandomSource& random,
                            const PaceParameters& parameters, const PacePassword& password) {
  const CipherAlgorithm cipher = parameters.cipher;
  if (cipher == CipherAlgorithm::Des3) {
    return Error(Reason::NotSupported,
                 "PACE: 3DES (id-PACE-ECDH-GM-3DES-CBC-CBC) is not supported");
  }
  auto curve = PaceCurve::standard(parameters.domainParameterId);
  if (!curve) return curve.error();
  PlainChannel channel(transport);

  auto mse = sendMseSetAt(channel, parameters, password.type);
  if (!mse) return mse.error();
  if (!mse->ok()) return statusError(mse->sw, "PACE MSE:Set AT");

  auto z = step(channel, {}, 0x80, false, "GA encrypted nonce");
  if (!z) return z.error();
  if (z->size() != blockSize(cipher)) {
    return Error(Reason::IoError,
                 "PACE: encrypted nonce of " + std::to_string(z->size()) + " bytes");
  }
  Bytes kPi = passwordKey(password, cipher);
  auto nonce = aesCbcDecrypt(kPi, Bytes(16, 0), *z);
  wipe(kPi);
  if (!nonce) return nonce.error();

  auto agreement = agree(channel, random, *curve, *nonce);
  wipe(*nonce);
  if (!agreement) return agreement.error();
  Bytes kEnc = deriveKey(agreement->secret, cipher, KdfCounter::Enc);
  Bytes kMac = deriveKey(agreement->secret, cipher, KdfCounter::Mac);
  wipe(agreement->secret);

  const Bytes oid = paceEcdhGmOid(cipher);
  auto terminalToken = token(kMac, oid, agreement->chipKey);
  auto expected = token(kMac, oid, agreement->terminalKey);
  if (!terminalToken) return terminalToken.error();
  if (!expected) return expected.error();
  auto chipToken = step(channel, encodeTlv(0x85, *terminalToken), 0x86, true, "GA mutual auth");
  if (!chipToken) return chipToken.error();
  if (chipToken->size() != expected->size() ||
      CRYPTO_memcmp(chipToken->data(), expected->data(), expected->size()) != 0) {
    wipe(kEnc);
    wipe(kMac);
    return rejected("the card's authentication token does not verify");
  }
  return SecureMessaging::create(cipher, std::move(kEnc), std::move(kMac), Bytes(16, 0));
}

}  // namespace

Result<SecureMessaging> performPace(CardTransport& transport, RandomSource& random,
                                    const PaceParameters& parameters,
                                    const PacePassword& password) {
  auto session = run(transport, random, parameters, password);
  ERR_clear_error();  // leave no OpenSSL errors of refused points behind
  return session;
}

}  // namespace onestop::emrtd
