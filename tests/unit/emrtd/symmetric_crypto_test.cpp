#include "onestop/emrtd/symmetric_crypto.hpp"

#include <gtest/gtest.h>

namespace onestop::emrtd {
namespace {

TEST(SymmetricCrypto, PadsWithMethodTwoAlwaysAddingAByte) {
  EXPECT_EQ(toHex(padIso9797Method2(hexBytes("0CA4020C"), 8)), "0CA4020C80000000");
  EXPECT_EQ(toHex(padIso9797Method2(hexBytes("0102030405060708"), 8)),
            "01020304050607088000000000000000");
  EXPECT_EQ(padIso9797Method2({}, 16).size(), 16U);
}

TEST(SymmetricCrypto, UnpadsAndRejectsMissingMarker) {
  EXPECT_EQ(toHex(*unpadIso9797Method2(hexBytes("0102800000"))), "0102");
  EXPECT_FALSE(unpadIso9797Method2(hexBytes("0102030000")).ok());
  EXPECT_FALSE(unpadIso9797Method2(hexBytes("000000")).ok());
  EXPECT_FALSE(unpadIso9797Method2({}).ok());
}

// ICAO 9303-11 Appendix D.3: E.IFD = 3DES-CBC(K_enc, S) with a zero IV.
TEST(SymmetricCrypto, TripleDesReproducesAppendixDCryptogram) {
  const Bytes kEnc = hexBytes("AB94FDECF2674FDFB9B391F85D7F76F2");
  const Bytes s = hexBytes("781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B");
  auto e = tdesCbcEncrypt(kEnc, Bytes(8, 0), s);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(toHex(*e), "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2");
  auto back = tdesCbcDecrypt(kEnc, Bytes(8, 0), *e);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, s);
}

TEST(SymmetricCrypto, RetailMacReproducesAppendixD) {
  const Bytes kMac = hexBytes("7962D9ECE03D1ACD4C76089DCE131543");
  const Bytes eIfd = hexBytes("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2");
  auto mac = retailMac(kMac, padIso9797Method2(eIfd, 8));
  ASSERT_TRUE(mac.ok());
  EXPECT_EQ(toHex(*mac), "5F1448EEA8AD90A7");
}

TEST(SymmetricCrypto, RetailMacRefusesUnpaddedData) {
  EXPECT_EQ(retailMac(Bytes(16, 1), hexBytes("0102")).error().reason(), Reason::Internal);
  EXPECT_FALSE(retailMac(Bytes(8, 1), Bytes(8, 0)).ok());
}

// NIST SP 800-38A F.2.1 (AES-128 CBC) and SP 800-38B D.1 (AES-128 CMAC).
TEST(SymmetricCrypto, AesCbcMatchesNistVector) {
  const Bytes key = hexBytes("2B7E151628AED2A6ABF7158809CF4F3C");
  const Bytes iv = hexBytes("000102030405060708090A0B0C0D0E0F");
  const Bytes plain = hexBytes("6BC1BEE22E409F96E93D7E117393172A");
  auto c = aesCbcEncrypt(key, iv, plain);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(toHex(*c), "7649ABAC8119B246CEE98E9B12E9197D");
  EXPECT_EQ(*aesCbcDecrypt(key, iv, *c), plain);
}

TEST(SymmetricCrypto, AesBlockEncryptionMatchesNistVector) {
  // FIPS-197 C.1.
  auto c = aesEncryptBlock(hexBytes("000102030405060708090A0B0C0D0E0F"),
                           hexBytes("00112233445566778899AABBCCDDEEFF"));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(toHex(*c), "69C4E0D86A7B0430D8CDB78070B4C55A");
}

TEST(SymmetricCrypto, AesCmacMatchesNistVectors) {
  const Bytes key = hexBytes("2B7E151628AED2A6ABF7158809CF4F3C");
  EXPECT_EQ(toHex(*aesCmac(key, {})), "BB1D6929E95937287FA37D129B756746");
  EXPECT_EQ(toHex(*aesCmac(key, hexBytes("6BC1BEE22E409F96E93D7E117393172A"))),
            "070A16B46B4D4144F79BDD9DD04A287C");
}

TEST(SymmetricCrypto, RefusesWrongKeyAndDataLengths) {
  EXPECT_FALSE(aesCbcEncrypt(Bytes(15, 0), Bytes(16, 0), Bytes(16, 0)).ok());
  EXPECT_FALSE(aesCbcEncrypt(Bytes(16, 0), Bytes(16, 0), Bytes(15, 0)).ok());
  EXPECT_FALSE(tdesCbcEncrypt(Bytes(16, 0), Bytes(7, 0), Bytes(8, 0)).ok());
  EXPECT_FALSE(aesCmac(Bytes(10, 0), {}).ok());
}

}  // namespace
}  // namespace onestop::emrtd
