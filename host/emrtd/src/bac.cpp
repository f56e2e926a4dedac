#include "onestop/emrtd/bac.hpp"

#include <openssl/crypto.h>

#include <string>

#include "onestop/emrtd/plain_channel.hpp"
#include "onestop/emrtd/symmetric_crypto.hpp"

namespace onestop::emrtd {
namespace {

constexpr std::size_t kNonce = 8;
constexpr std::size_t kKeyMaterial = 16;
constexpr std::size_t kAnswer = 2 * kNonce + kKeyMaterial + 8;  // E.IC (32) ‖ M.IC (8)

Error rejected(const std::string& why) {
  return Error(Reason::AccessKeyRejected, "BAC: " + why);
}

// Statuses with which chips refuse the authentication cryptogram of a wrong key: 6300 on
// real chips, 6988 on vsmartcard's vicc, 6982 or 6A80 on some others.
bool refusesKey(std::uint16_t sw) {
  return sw == 0x6300 || (sw & 0xFFF0) == 0x63C0 || sw == 0x6982 || sw == 0x6988 || sw == 0x6A80;
}

Bytes slice(const Bytes& data, std::size_t from, std::size_t count) {
  return Bytes(data.begin() + static_cast<std::ptrdiff_t>(from),
               data.begin() + static_cast<std::ptrdiff_t>(from + count));
}

Result<Bytes> authenticate(PlainChannel& channel, const BacKeys& keys, const Bytes& s) {
  auto eIfd = tdesCbcEncrypt(keys.kEnc, Bytes(8, 0), s);
  if (!eIfd) return eIfd.error();
  auto mIfd = retailMac(keys.kMac, padIso9797Method2(*eIfd, 8));
  if (!mIfd) return mIfd.error();
  Bytes data = *eIfd;
  append(data, *mIfd);
  auto answer = channel.send(apdu::externalAuthenticate(data, kAnswer));
  if (!answer) return answer.error();
  if (refusesKey(answer->sw)) {
    return rejected("MUTUAL AUTHENTICATE refused: " + describeStatus(answer->sw));
  }
  if (!answer->ok()) return statusError(answer->sw, "BAC MUTUAL AUTHENTICATE");
  if (answer->data.size() != kAnswer) {
    return Error(Reason::IoError, "BAC: MUTUAL AUTHENTICATE answer of " +
                                      std::to_string(answer->data.size()) + " bytes");
  }
  return std::move(answer->data);
}

}  // namespace

Result<SecureMessaging> performBac(CardTransport& transport, RandomSource& random,
                                   const BacKeys& keys) {
  PlainChannel channel(transport);
  auto challenge = channel.send(apdu::getChallenge());
  if (!challenge) return challenge.error();
  if (!challenge->ok()) return statusError(challenge->sw, "BAC GET CHALLENGE");
  if (challenge->data.size() != kNonce) {
    return Error(Reason::IoError,
                 "BAC: challenge of " + std::to_string(challenge->data.size()) + " bytes");
  }
  const Bytes& rndIc = challenge->data;
  auto rndIfd = random.generate(kNonce);
  if (!rndIfd) return rndIfd.error();
  auto kIfd = random.generate(kKeyMaterial);
  if (!kIfd) return kIfd.error();

  Bytes s = *rndIfd;
  append(s, rndIc);
  append(s, *kIfd);
  auto answer = authenticate(channel, keys, s);
  wipe(s);
  if (!answer) return answer.error();

  const Bytes eIc = slice(*answer, 0, 32);
  auto mac = retailMac(keys.kMac, padIso9797Method2(eIc, 8));
  if (!mac) return mac.error();
  if (CRYPTO_memcmp(mac->data(), answer->data() + 32, 8) != 0) {
    return rejected("the card's cryptogram MAC does not verify");
  }
  auto r = tdesCbcDecrypt(keys.kEnc, Bytes(8, 0), eIc);
  if (!r) return r.error();
  if (slice(*r, 0, kNonce) != rndIc || slice(*r, kNonce, kNonce) != *rndIfd) {
    return rejected("the card's cryptogram does not echo the challenges");
  }
  Bytes seed = slice(*r, 16, kKeyMaterial);
  for (std::size_t i = 0; i < kKeyMaterial; ++i) seed[i] ^= (*kIfd)[i];
  wipe(*r);
  wipe(*kIfd);
  Bytes ssc = slice(rndIc, 4, 4);
  append(ssc, ByteView(*rndIfd).subspan(4, 4));
  auto session = SecureMessaging::create(
      CipherAlgorithm::Des3, deriveKey(seed, CipherAlgorithm::Des3, KdfCounter::Enc),
      deriveKey(seed, CipherAlgorithm::Des3, KdfCounter::Mac), std::move(ssc));
  wipe(seed);
  return session;
}

Result<SecureMessaging> performBac(CardTransport& transport, RandomSource& random,
                                   std::string_view mrzInformation) {
  BacKeys keys = deriveBacKeys(mrzInformation);
  auto session = performBac(transport, random, keys);
  wipe(keys.kEnc);
  wipe(keys.kMac);
  return session;
}

}  // namespace onestop::emrtd
