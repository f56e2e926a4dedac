#include "onestop/emrtd/dg15.hpp"

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "onestop/emrtd/tlv.hpp"
#include "test_pki.hpp"

namespace onestop::emrtd {
namespace {

Bytes spkiOf(EVP_PKEY* key) {
  Bytes der(static_cast<std::size_t>(i2d_PUBKEY(key, nullptr)));
  unsigned char* p = der.data();
  i2d_PUBKEY(key, &p);
  return der;
}

void expectInvalid(const Result<Dg15>& parsed) {
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(parsed.error().detail().rfind("DG15: ", 0), 0u) << parsed.error().detail();
}

TEST(Dg15, LoadsAnEcActiveAuthenticationKey) {
  const auto key = testing::makeEcKey("brainpoolP384r1");
  const Bytes spki = spkiOf(key.get());
  auto dg15 = parseDg15(encodeTlv(0x6F, spki));
  ASSERT_TRUE(dg15.ok()) << dg15.error().detail();
  EXPECT_EQ(dg15->subjectPublicKeyInfo, spki);
  EXPECT_EQ(dg15->description.type, PublicKeyType::Ec);
  EXPECT_EQ(dg15->description.curve, "brainpoolP384r1");
  EXPECT_EQ(dg15->description.bits, 384);
  EXPECT_EQ(EVP_PKEY_eq(dg15->key.get(), key.get()), 1);
}

TEST(Dg15, NamesTheCurveOfAKeyWithExplicitParameters) {
  const auto key = testing::makeEcKey("brainpoolP256r1");
  ASSERT_EQ(EVP_PKEY_set_utf8_string_param(key.get(), OSSL_PKEY_PARAM_EC_ENCODING,
                                           OSSL_PKEY_EC_ENCODING_EXPLICIT),
            1);
  auto dg15 = parseDg15(encodeTlv(0x6F, spkiOf(key.get())));
  ASSERT_TRUE(dg15.ok()) << dg15.error().detail();
  EXPECT_EQ(dg15->description.curve, "brainpoolP256r1");
  EXPECT_EQ(dg15->description.bits, 256);
}

TEST(Dg15, LoadsAnRsaActiveAuthenticationKey) {
  PublicKey rsa(EVP_RSA_gen(1024));
  ASSERT_TRUE(rsa);
  auto dg15 = parseDg15(encodeTlv(0x6F, spkiOf(rsa.get())));
  ASSERT_TRUE(dg15.ok()) << dg15.error().detail();
  EXPECT_EQ(dg15->description.type, PublicKeyType::Rsa);
  EXPECT_EQ(dg15->description.bits, 1024);
}

TEST(Dg15, RejectsAnotherFileAnEmptyFileAndAKeyOpensslRefuses) {
  const auto key = testing::makeEcKey("prime256v1");
  expectInvalid(parseDg15(encodeTlv(0x6E, spkiOf(key.get()))));
  expectInvalid(parseDg15(encodeTlv(0x6F, Bytes{})));
  expectInvalid(parseDg15(encodeTlv(0x6F, hexBytes("3003020101"))));
  Bytes inner = spkiOf(key.get());
  inner.push_back(0);
  expectInvalid(parseDg15(encodeTlv(0x6F, inner)));
}

TEST(Dg15, RejectsEveryTruncation) {
  const auto key = testing::makeEcKey("prime256v1");
  const Bytes file = encodeTlv(0x6F, spkiOf(key.get()));
  for (std::size_t n = 0; n < file.size(); ++n) expectInvalid(parseDg15(ByteView(file.data(), n)));
}

}  // namespace
}  // namespace onestop::emrtd
