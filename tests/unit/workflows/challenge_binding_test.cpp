// The server's challenge and its binding to the origin: the alphabet that keeps
// `challenge ‖ origin` unambiguous, and the digest recomputed here with OpenSSL directly.
#include "onestop/workflows/challenge_binding.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <string>

namespace onestop::workflows {
namespace {

emrtd::Bytes opensslSha256(const std::string& text) {
  emrtd::Bytes digest(EVP_MAX_MD_SIZE);
  unsigned int length = 0;
  EXPECT_EQ(EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr), 1);
  digest.resize(length);
  return digest;
}

TEST(ValidateChallenge, AcceptsBase64UrlAndHexNonces) {
  EXPECT_TRUE(validateChallenge("abcdefghijklmnopqrstuvwx"));                  // 24 chars
  EXPECT_TRUE(validateChallenge("Zq3-_9AbCdEfGhIjKlMnOpQrStUvWxYz"));          // base64url
  EXPECT_TRUE(validateChallenge("0123456789abcdef"));                          // exactly 16
  EXPECT_TRUE(validateChallenge(std::string(128, 'a')));                       // exactly 128
  EXPECT_TRUE(validateChallenge("00112233445566778899AABBCCDDEEFF00112233"));  // hex
}

TEST(ValidateChallenge, RefusesWrongLengths) {
  EXPECT_FALSE(validateChallenge(""));
  EXPECT_FALSE(validateChallenge("0123456789abcde"));  // 15
  EXPECT_FALSE(validateChallenge(std::string(129, 'a')));
}

TEST(ValidateChallenge, RefusesCharactersThatCouldSplitFromTheOrigin) {
  for (const char bad : std::string(":/+= .\n\"")) {
    std::string challenge = "abcdefghijklmnopqrst";
    challenge[7] = bad;
    const auto result = validateChallenge(challenge);
    ASSERT_FALSE(result) << "accepted character " << static_cast<int>(bad);
    EXPECT_EQ(result.error().reason(), Reason::ValidationFailed);
  }
  EXPECT_FALSE(validateChallenge("abcdefghijklmnopqrst\xc3\xa9"));  // non-ASCII
}

TEST(BindingDigest, IsSha256OfChallengeFollowedByOrigin) {
  const std::string challenge = "abcdefghijklmnopqrstuvwx";
  const std::string origin = "https://dichvucong.example.gov.vn";
  EXPECT_EQ(bindingDigest(challenge, origin), opensslSha256(challenge + origin));
  EXPECT_EQ(bindingDigest(challenge, ""), opensslSha256(challenge));
  // Vietnamese IDN origins are bytes as given (UTF-8).
  const std::string idn = "https://c\xc3\xb4ng.example.vn";
  EXPECT_EQ(bindingDigest(challenge, idn), opensslSha256(challenge + idn));
}

TEST(BindingDigest, DependsOnBothParts) {
  const std::string challenge = "abcdefghijklmnopqrstuvwx";
  EXPECT_NE(bindingDigest(challenge, "https://a.example"),
            bindingDigest(challenge, "https://b.example"));
  EXPECT_NE(bindingDigest(challenge, "https://a.example"),
            bindingDigest("abcdefghijklmnopqrstuvwy", "https://a.example"));
}

TEST(ActiveAuthenticationChallenge, IsTheFirstEightBytesOfTheBinding) {
  const std::string challenge = "Zq3-_9AbCdEfGhIjKlMnOpQr";
  const std::string origin = "http://localhost:8080";
  const auto full = opensslSha256(challenge + origin);
  const auto aa = activeAuthenticationChallenge(challenge, origin);
  ASSERT_EQ(aa.size(), 8U);
  EXPECT_EQ(aa, emrtd::Bytes(full.begin(), full.begin() + 8));
}

}  // namespace
}  // namespace onestop::workflows
