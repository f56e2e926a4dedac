#include "onestop/emrtd/dg14.hpp"

#include <gtest/gtest.h>
#include <openssl/x509.h>

#include "security_info_builder.hpp"
#include "test_pki.hpp"

namespace onestop::emrtd {
namespace {

using testing::derInteger;
using testing::derOid;
using testing::derSequence;
using testing::derSet;

Bytes dg14File() {
  const auto key = testing::makeEcKey("brainpoolP256r1");
  Bytes spki(static_cast<std::size_t>(i2d_PUBKEY(key.get(), nullptr)));
  unsigned char* p = spki.data();
  i2d_PUBKEY(key.get(), &p);
  return encodeTlv(0x6E, derSet({
                             derSequence({derOid("0.4.0.127.0.7.2.2.1.2"), spki}),
                             derSequence({derOid("0.4.0.127.0.7.2.2.3.2.2"), derInteger(1)}),
                         }));
}

void expectInvalid(const Result<SecurityInfos>& parsed) {
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(parsed.error().detail().rfind("DG14: ", 0), 0u) << parsed.error().detail();
}

TEST(Dg14, ReadsTheChipAuthenticationInfoAndKey) {
  auto infos = parseDg14(dg14File());
  ASSERT_TRUE(infos.ok()) << infos.error().detail();
  ASSERT_EQ(infos->chipAuthentication.size(), 1u);
  EXPECT_EQ(infos->chipAuthentication[0].cipher, CipherAlgorithm::Aes128);
  ASSERT_EQ(infos->chipAuthenticationPublicKeys.size(), 1u);
  EXPECT_FALSE(infos->chipAuthenticationPublicKeys[0].subjectPublicKeyInfo.empty());
}

TEST(Dg14, RejectsAnotherFileAndTrailingBytes) {
  Bytes file = dg14File();
  file[0] = 0x6F;
  expectInvalid(parseDg14(file));
  Bytes trailing = dg14File();
  trailing.push_back(0);
  expectInvalid(parseDg14(trailing));
  expectInvalid(parseDg14(encodeTlv(0x6E, hexBytes("3003020101"))));
}

TEST(Dg14, RejectsEveryTruncation) {
  const Bytes file = dg14File();
  for (std::size_t n = 0; n < file.size(); ++n) expectInvalid(parseDg14(ByteView(file.data(), n)));
}

}  // namespace
}  // namespace onestop::emrtd
