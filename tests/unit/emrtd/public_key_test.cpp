#include "onestop/emrtd/public_key.hpp"

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "test_pki.hpp"

namespace onestop::emrtd {
namespace {

Bytes spkiOf(EVP_PKEY* key) {
  Bytes der(static_cast<std::size_t>(i2d_PUBKEY(key, nullptr)));
  unsigned char* p = der.data();
  i2d_PUBKEY(key, &p);
  return der;
}

TEST(PublicKey, DescribesANamedEcKey) {
  const auto key = testing::makeEcKey("brainpoolP256r1");
  auto loaded = loadPublicKey(spkiOf(key.get()));
  ASSERT_TRUE(loaded.ok()) << loaded.error().detail();
  const PublicKeyDescription description = describePublicKey(**loaded);
  EXPECT_EQ(description.type, PublicKeyType::Ec);
  EXPECT_EQ(description.curve, "brainpoolP256r1");
  EXPECT_EQ(description.bits, 256);
}

TEST(PublicKey, LoadsAnEcKeyWithExplicitParametersAndNamesItsCurve) {
  const auto key = testing::makeEcKey("prime256v1");
  ASSERT_EQ(EVP_PKEY_set_utf8_string_param(key.get(), OSSL_PKEY_PARAM_EC_ENCODING,
                                           OSSL_PKEY_EC_ENCODING_EXPLICIT),
            1);
  const Bytes spki = spkiOf(key.get());
  auto loaded = loadPublicKey(spki);
  ASSERT_TRUE(loaded.ok()) << loaded.error().detail();
  EXPECT_EQ(describePublicKey(**loaded).type, PublicKeyType::Ec);
  EXPECT_EQ(describePublicKey(**loaded).bits, 256);
  EXPECT_EQ(describePublicKey(**loaded).curve, "prime256v1");
  EXPECT_EQ(EVP_PKEY_eq(loaded->get(), key.get()), 1);
}

TEST(PublicKey, DescribesAnRsaKey) {
  PublicKey rsa(EVP_RSA_gen(1024));
  ASSERT_TRUE(rsa);
  auto loaded = loadPublicKey(spkiOf(rsa.get()));
  ASSERT_TRUE(loaded.ok()) << loaded.error().detail();
  const PublicKeyDescription description = describePublicKey(**loaded);
  EXPECT_EQ(description.type, PublicKeyType::Rsa);
  EXPECT_EQ(description.bits, 1024);
  EXPECT_TRUE(description.curve.empty());
}

TEST(PublicKey, RejectsGarbageTruncationAndTrailingBytesNamingTheStructure) {
  const auto key = testing::makeEcKey("prime256v1");
  const Bytes spki = spkiOf(key.get());
  for (std::size_t n = 0; n < spki.size(); ++n) {
    EXPECT_FALSE(loadPublicKey(ByteView(spki.data(), n)).ok()) << n;
  }
  Bytes trailing = spki;
  trailing.push_back(0);
  auto refused = loadPublicKey(trailing, "DG15");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(refused.error().detail().rfind("DG15: ", 0), 0u);
  EXPECT_FALSE(loadPublicKey(hexBytes("3003020101")).ok());
}

}  // namespace
}  // namespace onestop::emrtd
