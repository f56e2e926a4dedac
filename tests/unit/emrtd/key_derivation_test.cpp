#include "onestop/emrtd/key_derivation.hpp"

#include <gtest/gtest.h>

namespace onestop::emrtd {
namespace {

// ICAO 9303-11 Appendix D.2 (BAC worked example, MRZ L898902C<, 690806, 940623).
TEST(KeyDerivation, ReproducesAppendixDKeySeed) {
  EXPECT_EQ(toHex(bacKeySeed("L898902C<369080619406236")), "239AB9CB282DAF66231DC5A4DF6BFBAE");
}

TEST(KeyDerivation, ReproducesAppendixDBacKeysWithParity) {
  const BacKeys keys = deriveBacKeys("L898902C<369080619406236");
  EXPECT_EQ(toHex(keys.kEnc), "AB94FDECF2674FDFB9B391F85D7F76F2");
  EXPECT_EQ(toHex(keys.kMac), "7962D9ECE03D1ACD4C76089DCE131543");
}

TEST(KeyDerivation, ReproducesAppendixDSessionKeys) {
  const Bytes seed = hexBytes("0036D272F5C350ACAC50C3F572D23600");
  EXPECT_EQ(toHex(deriveKey(seed, CipherAlgorithm::Des3, KdfCounter::Enc)),
            "979EC13B1CBFE9DCD01AB0FED307EAE5");
  EXPECT_EQ(toHex(deriveKey(seed, CipherAlgorithm::Des3, KdfCounter::Mac)),
            "F1CB1F1FB5ADF208806B89DC579DC1F8");
}

// ICAO 9303-11 Appendix G.1 (PACE ECDH-GM with AES-128).
TEST(KeyDerivation, ReproducesAppendixGPaceSessionKeysWithSha1) {
  const Bytes secret = hexBytes("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925");
  EXPECT_EQ(toHex(deriveKey(secret, CipherAlgorithm::Aes128, KdfCounter::Enc)),
            "F5F0E35C0D7161EE6724EE513A0D9A7F");
  EXPECT_EQ(toHex(deriveKey(secret, CipherAlgorithm::Aes128, KdfCounter::Mac)),
            "FE251C7858B356B24514B3BD5F4297D1");
}

TEST(KeyDerivation, ReproducesAppendixGPasswordKeyFromTheMrz) {
  const Bytes password = paceMrzPassword("T22000129364081251010318");
  EXPECT_EQ(toHex(password), "7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD");
  EXPECT_EQ(toHex(deriveKey(password, CipherAlgorithm::Aes128, KdfCounter::Password)),
            "89DED1B26624EC1E634C1989302849DD");
}

TEST(KeyDerivation, DerivesPasswordKeyFromACan) {
  // Same value as dmrtd's CAN test (an independent implementation).
  EXPECT_EQ(
      toHex(deriveKey(paceCanPassword("123456"), CipherAlgorithm::Aes128, KdfCounter::Password)),
      "591468CDA83D65219CCCB8560233600F");
}

TEST(KeyDerivation, UsesSha256ForLongAesKeys) {
  const Bytes secret = hexBytes("00112233");
  const Bytes k192 = deriveKey(secret, CipherAlgorithm::Aes192, KdfCounter::Enc);
  const Bytes k256 = deriveKey(secret, CipherAlgorithm::Aes256, KdfCounter::Enc);
  ASSERT_EQ(k192.size(), 24U);
  ASSERT_EQ(k256.size(), 32U);
  EXPECT_EQ(Bytes(k256.begin(), k256.begin() + 24), k192);
  EXPECT_NE(toHex(k256).substr(0, 32),
            toHex(deriveKey(secret, CipherAlgorithm::Aes128, KdfCounter::Enc)));
}

TEST(KeyDerivation, AdjustsDesParityToOdd) {
  Bytes key = hexBytes("AB94FCEDF2664EDF");
  adjustDesParity(key);
  EXPECT_EQ(toHex(key), "AB94FDECF2674FDF");
  Bytes zero{0x00, 0xFF};
  adjustDesParity(zero);
  EXPECT_EQ(toHex(zero), "01FE");
}

}  // namespace
}  // namespace onestop::emrtd
