#include "bac_responder.hpp"

#include <openssl/crypto.h>

#include "status_words.hpp"

namespace onestop::simulator::cccd {
namespace {

constexpr std::size_t kNonce = 8;
constexpr std::size_t kKeyMaterial = 16;
constexpr std::size_t kCryptogram = 32;
constexpr std::size_t kMacSize = 8;

Bytes range(ByteView data, std::size_t from, std::size_t count) {
  const ByteView part = data.subspan(from, count);
  return Bytes(part.begin(), part.end());
}

}  // namespace

BacResponder::BacResponder(std::string_view mrzInformation) {
  const ByteView mrz(reinterpret_cast<const std::uint8_t*>(mrzInformation.data()),
                     mrzInformation.size());
  Bytes seed = digest("SHA1", mrz);
  seed.resize(kKeyMaterial);
  kEnc_ = deriveKey(seed, SmCipher::Des3, KdfCounter::Enc);
  kMac_ = deriveKey(seed, SmCipher::Des3, KdfCounter::Mac);
  OPENSSL_cleanse(seed.data(), seed.size());
}

BacResponder::~BacResponder() {
  OPENSSL_cleanse(kEnc_.data(), kEnc_.size());
  OPENSSL_cleanse(kMac_.data(), kMac_.size());
}

std::variant<BacResponder::Opened, std::uint16_t> BacResponder::authenticate(
    ByteView challenge, ByteView command) const {
  if (command.size() != kCryptogram + kMacSize) return sw::kWrongLength;
  if (challenge.size() != kNonce) return sw::kConditionsNotSatisfied;  // no GET CHALLENGE first
  const ByteView eIfd = command.first(kCryptogram);
  if (!sameBytes(retailMac(kMac_, pad(eIfd, 8)), command.subspan(kCryptogram))) {
    return sw::kAuthenticationFailed;
  }
  Bytes s = cbcDecrypt(SmCipher::Des3, kEnc_, Bytes(8, 0), eIfd);  // RND.IFD ‖ RND.IC ‖ K.IFD
  if (!sameBytes(ByteView(s).subspan(kNonce, kNonce), challenge)) {
    OPENSSL_cleanse(s.data(), s.size());
    return sw::kAuthenticationFailed;
  }
  const Bytes rndIfd = range(s, 0, kNonce);
  Bytes kIc = randomBytes(kKeyMaterial);
  Bytes r(challenge.begin(), challenge.end());  // RND.IC ‖ RND.IFD ‖ K.IC
  append(r, rndIfd);
  append(r, kIc);
  Bytes answer = cbcEncrypt(SmCipher::Des3, kEnc_, Bytes(8, 0), r);
  append(answer, retailMac(kMac_, pad(answer, 8)));

  Bytes seed = range(s, 2 * kNonce, kKeyMaterial);
  for (std::size_t i = 0; i < kKeyMaterial; ++i) seed[i] ^= kIc[i];
  Bytes ssc = range(challenge, 4, 4);
  append(ssc, ByteView(rndIfd).subspan(4, 4));
  ChipSecureMessaging session(SmCipher::Des3, deriveKey(seed, SmCipher::Des3, KdfCounter::Enc),
                              deriveKey(seed, SmCipher::Des3, KdfCounter::Mac), std::move(ssc));
  OPENSSL_cleanse(seed.data(), seed.size());
  OPENSSL_cleanse(s.data(), s.size());
  OPENSSL_cleanse(kIc.data(), kIc.size());
  OPENSSL_cleanse(r.data(), r.size());
  return Opened{std::move(answer), std::move(session)};
}

}  // namespace onestop::simulator::cccd
