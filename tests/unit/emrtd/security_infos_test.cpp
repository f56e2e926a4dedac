#include "onestop/emrtd/security_infos.hpp"

#include <gtest/gtest.h>

#include <openssl/x509.h>
#include "corruption.hpp"

#include "security_info_builder.hpp"
#include "test_pki.hpp"

namespace onestop::emrtd {
namespace {

using testing::derInteger;
using testing::derOid;
using testing::derSequence;
using testing::derSet;

constexpr char kPaceEcdhGmAes128[] = "0.4.0.127.0.7.2.2.4.2.2";

Bytes spkiOf(EVP_PKEY* key) {
  Bytes der(static_cast<std::size_t>(i2d_PUBKEY(key, nullptr)));
  unsigned char* p = der.data();
  i2d_PUBKEY(key, &p);
  return der;
}

void expectInvalid(const Result<SecurityInfos>& parsed, const std::string& structure) {
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(parsed.error().detail().rfind(structure + ": ", 0), 0u) << parsed.error().detail();
}

TEST(SecurityInfos, ReadsTheCccdCardAccess) {
  auto infos = parseSecurityInfos(testing::cccdCardAccess());
  ASSERT_TRUE(infos.ok()) << infos.error().detail();
  ASSERT_EQ(infos->pace.size(), 1u);
  const PaceInfo& pace = infos->pace[0];
  EXPECT_EQ(pace.oid, kPaceEcdhGmAes128);
  EXPECT_EQ(pace.agreement, KeyAgreement::Ecdh);
  EXPECT_EQ(pace.mapping, PaceMapping::Generic);
  EXPECT_EQ(pace.cipher, CipherAlgorithm::Aes128);
  EXPECT_EQ(pace.version, 2);
  EXPECT_EQ(pace.parameterId, 13);
  ASSERT_TRUE(pace.parameters.has_value());
  EXPECT_STREQ(pace.parameters->name, "brainpoolP256r1");
  ASSERT_EQ(infos->chipAuthentication.size(), 1u);
  EXPECT_EQ(infos->chipAuthentication[0].oid, "0.4.0.127.0.7.2.2.3.2.2");
  EXPECT_EQ(infos->chipAuthentication[0].agreement, KeyAgreement::Ecdh);
  EXPECT_EQ(infos->chipAuthentication[0].version, 1);
  EXPECT_FALSE(infos->chipAuthentication[0].keyId.has_value());
  ASSERT_EQ(infos->terminalAuthentication.size(), 1u);
  EXPECT_EQ(infos->terminalAuthentication[0].version, 1);
  EXPECT_TRUE(infos->unknown.empty());
}

TEST(SecurityInfos, TellsMappingsAgreementsAndCiphersApart) {
  auto infos = parseSecurityInfos(derSet({
      derSequence({derOid("0.4.0.127.0.7.2.2.4.1.1"), derInteger(2)}),
      derSequence({derOid("0.4.0.127.0.7.2.2.4.4.4"), derInteger(2), derInteger(12)}),
      derSequence({derOid("0.4.0.127.0.7.2.2.4.6.3"), derInteger(2), derInteger(5)}),
      derSequence({derOid("0.4.0.127.0.7.2.2.3.1.4"), derInteger(1), derInteger(7)}),
  }));
  ASSERT_TRUE(infos.ok()) << infos.error().detail();
  ASSERT_EQ(infos->pace.size(), 3u);
  EXPECT_EQ(infos->pace[0].agreement, KeyAgreement::Dh);
  EXPECT_EQ(infos->pace[0].cipher, CipherAlgorithm::Des3);
  EXPECT_FALSE(infos->pace[0].parameterId.has_value());
  EXPECT_EQ(infos->pace[1].mapping, PaceMapping::Integrated);
  EXPECT_EQ(infos->pace[1].cipher, CipherAlgorithm::Aes256);
  EXPECT_STREQ(infos->pace[1].parameters->name, "prime256v1");
  EXPECT_EQ(infos->pace[2].mapping, PaceMapping::ChipAuthentication);
  EXPECT_EQ(infos->pace[2].cipher, CipherAlgorithm::Aes192);
  EXPECT_EQ(infos->pace[2].parameterId, 5);
  EXPECT_FALSE(infos->pace[2].parameters.has_value());  // reserved id
  ASSERT_EQ(infos->chipAuthentication.size(), 1u);
  EXPECT_EQ(infos->chipAuthentication[0].agreement, KeyAgreement::Dh);
  EXPECT_EQ(infos->chipAuthentication[0].keyId, 7u);
}

TEST(SecurityInfos, KeepsTheChipKeyAsLoadableDer) {
  const auto key = testing::makeEcKey("brainpoolP256r1");
  const Bytes spki = spkiOf(key.get());
  auto infos = parseSecurityInfos(derSet(
      {derSequence({derOid("0.4.0.127.0.7.2.2.1.2"), spki, encodeTlv(0x02, hexBytes("0080"))})}));
  ASSERT_TRUE(infos.ok()) << infos.error().detail();
  ASSERT_EQ(infos->chipAuthenticationPublicKeys.size(), 1u);
  const ChipAuthenticationPublicKeyInfo& info = infos->chipAuthenticationPublicKeys[0];
  EXPECT_EQ(info.agreement, KeyAgreement::Ecdh);
  EXPECT_EQ(info.subjectPublicKeyInfo, spki);
  EXPECT_EQ(info.keyId, 0x80u);
  const unsigned char* p = info.subjectPublicKeyInfo.data();
  EVP_PKEY* loaded = d2i_PUBKEY(nullptr, &p, static_cast<long>(spki.size()));
  ASSERT_NE(loaded, nullptr);
  EXPECT_EQ(EVP_PKEY_eq(loaded, key.get()), 1);
  EVP_PKEY_free(loaded);
}

TEST(SecurityInfos, ReadsActiveAndTerminalAuthenticationInfos) {
  auto infos = parseSecurityInfos(derSet({
      derSequence({derOid("2.23.136.1.1.5"), derInteger(1), derOid("0.4.0.127.0.7.1.1.4.1.3")}),
      derSequence({derOid("0.4.0.127.0.7.2.2.2"), derInteger(2),
                   derSequence({encodeTlv(0x04, hexBytes("011C"))})}),
  }));
  ASSERT_TRUE(infos.ok()) << infos.error().detail();
  ASSERT_EQ(infos->activeAuthentication.size(), 1u);
  EXPECT_EQ(infos->activeAuthentication[0].version, 1);
  EXPECT_EQ(infos->activeAuthentication[0].signatureAlgorithmOid, "0.4.0.127.0.7.1.1.4.1.3");
  ASSERT_EQ(infos->terminalAuthentication.size(), 1u);
  EXPECT_EQ(infos->terminalAuthentication[0].version, 2);
  EXPECT_EQ(toHex(infos->terminalAuthentication[0].efCvca), "30040402011C");
}

TEST(SecurityInfos, KeepsUnknownInfosRaw) {
  const Bytes domain =
      derSequence({derOid("0.4.0.127.0.7.2.2.4.2"), derSequence({derOid("1.2.840.10045.2.1")})});
  const Bytes vendor = derSequence({derOid("1.2.3.4"), encodeTlv(0x04, hexBytes("AA"))});
  const Bytes oddCipher = derSequence({derOid("0.4.0.127.0.7.2.2.4.2.9"), derInteger(2)});
  auto infos = parseSecurityInfos(derSet({domain, vendor, oddCipher}));
  ASSERT_TRUE(infos.ok()) << infos.error().detail();
  ASSERT_EQ(infos->unknown.size(), 3u);
  EXPECT_EQ(infos->unknown[0].oid, "0.4.0.127.0.7.2.2.4.2");
  EXPECT_EQ(infos->unknown[0].der, domain);
  EXPECT_EQ(infos->unknown[1].der, vendor);
  EXPECT_EQ(infos->unknown[2].oid, "0.4.0.127.0.7.2.2.4.2.9");
  EXPECT_TRUE(infos->pace.empty());
}

TEST(SecurityInfos, RejectsKnownInfosWithTheWrongFields) {
  const std::string name = "SecurityInfos";
  const Bytes paceOid = derOid(kPaceEcdhGmAes128);
  expectInvalid(parseSecurityInfos(derSet({derSequence({paceOid})})), name);
  expectInvalid(parseSecurityInfos(derSet({derSequence({paceOid, derOid("1.2")})})), name);
  expectInvalid(parseSecurityInfos(
                    derSet({derSequence({paceOid, derInteger(2), derInteger(13), derInteger(1)})})),
                name);
  expectInvalid(parseSecurityInfos(
                    derSet({derSequence({paceOid, encodeTlv(0x02, hexBytes("FF"))})})),  // negative
                name);
  expectInvalid(
      parseSecurityInfos(derSet({derSequence({derOid("0.4.0.127.0.7.2.2.3.2.2"), derInteger(1),
                                              encodeTlv(0x02, hexBytes("0102030405"))})})),
      name);
  expectInvalid(parseSecurityInfos(derSet(
                    {derSequence({derOid("0.4.0.127.0.7.2.2.1.2"), encodeTlv(0x04, Bytes{1})})})),
                name);
  expectInvalid(
      parseSecurityInfos(derSet({derSequence({derOid("2.23.136.1.1.5"), derInteger(1)})})), name);
}

TEST(SecurityInfos, RejectsMalformedSetsElementsAndOids) {
  expectInvalid(parseSecurityInfos({}), "SecurityInfos");
  expectInvalid(parseSecurityInfos(hexBytes("3000"), "DG14"), "DG14");
  expectInvalid(parseSecurityInfos(derSet({derInteger(1)})), "SecurityInfos");
  expectInvalid(parseSecurityInfos(derSet({derSequence({derInteger(1)})})), "SecurityInfos");
  expectInvalid(parseSecurityInfos(derSet({derSequence({encodeTlv(0x06, hexBytes("2B81"))})})),
                "SecurityInfos");
  Bytes trailing = testing::cccdCardAccess();
  trailing.push_back(0);
  expectInvalid(parseSecurityInfos(trailing, "EF.CardAccess"), "EF.CardAccess");
  EXPECT_TRUE(parseSecurityInfos(hexBytes("3100")).ok());
}

TEST(SecurityInfos, RejectsEveryTruncation) {
  const Bytes full = testing::cccdCardAccess();
  for (std::size_t n = 0; n < full.size(); ++n) {
    expectInvalid(parseSecurityInfos(ByteView(full.data(), n)), "SecurityInfos");
  }
}

TEST(SecurityInfos, SurvivesCorruptionOfEveryByte) {
  const auto key = testing::makeEcKey("prime256v1");
  const Bytes file = derSet({
      derSequence({derOid("0.4.0.127.0.7.2.2.1.2"), spkiOf(key.get()), derInteger(1)}),
      derSequence({derOid("0.4.0.127.0.7.2.2.3.2.2"), derInteger(1), derInteger(1)}),
      derSequence({derOid(kPaceEcdhGmAes128), derInteger(2), derInteger(13)}),
      derSequence({derOid("2.23.136.1.1.5"), derInteger(1), derOid("0.4.0.127.0.7.1.1.4.1.3")}),
  });
  testing::expectEveryCorruptionHandled(file, [](const Bytes& b) { return parseSecurityInfos(b); });
}

}  // namespace
}  // namespace onestop::emrtd
