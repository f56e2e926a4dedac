#include "onestop/emrtd/passive_auth.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>

#include "onestop/emrtd/digest.hpp"
#include "onestop/emrtd/tlv.hpp"
#include "test_pki.hpp"

namespace onestop::emrtd {
namespace {

using testing::testPki;

void must(const Result<void>& r) {
  if (!r) throw std::runtime_error(r.error().detail());
}

TrustStore trustCsca() {
  TrustStore trust;
  must(trust.addCertificates(testing::certificateDer(testPki().csca.get())));
  return trust;
}

bool hasFailure(const PassiveAuthVerdict& v, std::string_view text) {
  return std::any_of(v.failures.begin(), v.failures.end(),
                     [&](const std::string& f) { return f.find(text) != std::string::npos; });
}

std::string allFailures(const PassiveAuthVerdict& v) {
  std::string out;
  for (const auto& f : v.failures) out += f + "; ";
  return out;
}

TEST(PassiveAuth, ValidSodPassesEveryCheck) {
  const auto& pki = testPki();
  const PassiveAuthVerdict v = verifyPassiveAuthentication(pki.efSod, pki.dataGroups, trustCsca());
  EXPECT_TRUE(v.passed()) << allFailures(v);
  EXPECT_TRUE(v.sodParsed);
  EXPECT_TRUE(v.signatureValid);
  EXPECT_TRUE(v.chainValid);
  EXPECT_TRUE(v.notRevoked);
  EXPECT_EQ(v.revocation, RevocationStatus::NotChecked);
  EXPECT_EQ(v.hashAlgorithm, "SHA256");
  EXPECT_EQ(v.dataGroupHashes.size(), 3U);
  for (const auto& [number, check] : v.dataGroupHashes) EXPECT_EQ(check, HashCheck::Ok) << number;
  EXPECT_EQ(v.dsCertificate, testing::certificateDer(pki.ds.get()));
  EXPECT_TRUE(v.failures.empty());
}

TEST(PassiveAuth, ChangedDataGroupByteIsAHashMismatch) {
  const auto& pki = testPki();
  auto groups = pki.dataGroups;
  groups[13][40] ^= 0x01;
  const PassiveAuthVerdict v = verifyPassiveAuthentication(pki.efSod, groups, trustCsca());
  EXPECT_FALSE(v.passed());
  EXPECT_TRUE(v.signatureValid);
  EXPECT_TRUE(v.chainValid);
  EXPECT_EQ(v.dataGroupHashes.at(13), HashCheck::Mismatch);
  EXPECT_EQ(v.dataGroupHashes.at(1), HashCheck::Ok);
  EXPECT_TRUE(hasFailure(v, "DG13 hash mismatch"));
}

TEST(PassiveAuth, UnreadDataGroupIsMissingButNotAFailure) {
  const auto& pki = testPki();
  auto groups = pki.dataGroups;
  groups.erase(2);
  const PassiveAuthVerdict v = verifyPassiveAuthentication(pki.efSod, groups, trustCsca());
  EXPECT_EQ(v.dataGroupHashes.at(2), HashCheck::Missing);
  EXPECT_TRUE(v.passed()) << allFailures(v);
}

TEST(PassiveAuth, DataGroupNotCoveredBySodFails) {
  const auto& pki = testPki();
  auto groups = pki.dataGroups;
  groups[15] = hexBytes("6F03010203");
  const PassiveAuthVerdict v = verifyPassiveAuthentication(pki.efSod, groups, trustCsca());
  EXPECT_FALSE(v.passed());
  EXPECT_EQ(v.unlistedDataGroups, std::vector<int>{15});
  EXPECT_TRUE(hasFailure(v, "DG15 is not covered"));
}

TEST(PassiveAuth, WrongCscaFailsTheChainOnly) {
  const auto& pki = testPki();
  const auto otherKey = testing::makeEcKey("secp384r1");
  const auto other = testing::makeCertificate({"CSCA other", 7, -1, 100, true}, otherKey.get(),
                                              nullptr, otherKey.get());
  TrustStore trust;
  must(trust.addCertificates(testing::certificateDer(other.get())));
  const PassiveAuthVerdict v = verifyPassiveAuthentication(pki.efSod, pki.dataGroups, trust);
  EXPECT_FALSE(v.passed());
  EXPECT_TRUE(v.signatureValid);
  EXPECT_FALSE(v.chainValid);
  EXPECT_TRUE(hasFailure(v, "DS certificate chain"));
  EXPECT_EQ(v.dataGroupHashes.at(1), HashCheck::Ok);
}

TEST(PassiveAuth, EmptyTrustStoreFailsTheChain) {
  const auto& pki = testPki();
  const PassiveAuthVerdict v = verifyPassiveAuthentication(pki.efSod, pki.dataGroups, TrustStore());
  EXPECT_FALSE(v.chainValid);
  EXPECT_FALSE(v.passed());
}

TEST(PassiveAuth, CorruptSignatureFailsTheSignature) {
  const auto& pki = testPki();
  Bytes sod = pki.efSod;
  sod.back() ^= 0x01;  // the last byte of the ECDSA signature value
  const PassiveAuthVerdict v = verifyPassiveAuthentication(sod, pki.dataGroups, trustCsca());
  EXPECT_FALSE(v.passed());
  EXPECT_FALSE(v.signatureValid);
  EXPECT_TRUE(v.chainValid);
  EXPECT_TRUE(hasFailure(v, "signature does not verify"));
}

TEST(PassiveAuth, ChangedHashInsideTheSodFailsTheSignature) {
  const auto& pki = testPki();
  Bytes sod = pki.efSod;
  // Rewrite the signed DG1 hash to that of a forged DG1: the data now "matches", but the
  // signed messageDigest no longer does.
  Bytes forged = pki.dataGroups.at(1);
  forged[10] ^= 0xFF;
  const Bytes oldHash = sha256(pki.dataGroups.at(1));
  const auto at = std::search(sod.begin(), sod.end(), oldHash.begin(), oldHash.end());
  ASSERT_NE(at, sod.end());
  const Bytes newHash = sha256(forged);
  std::copy(newHash.begin(), newHash.end(), at);
  auto groups = pki.dataGroups;
  groups[1] = forged;
  const PassiveAuthVerdict v = verifyPassiveAuthentication(sod, groups, trustCsca());
  EXPECT_EQ(v.dataGroupHashes.at(1), HashCheck::Ok);
  EXPECT_FALSE(v.signatureValid);
  EXPECT_FALSE(v.passed());
}

TEST(PassiveAuth, RevokedDocumentSignerFailsRevocation) {
  const auto& pki = testPki();
  TrustStore trust = trustCsca();
  must(trust.addCrls(testing::makeCrlDer(pki.csca.get(), pki.cscaKey.get(), {2})));
  const PassiveAuthVerdict v = verifyPassiveAuthentication(pki.efSod, pki.dataGroups, trust);
  EXPECT_EQ(v.revocation, RevocationStatus::Revoked);
  EXPECT_FALSE(v.notRevoked);
  EXPECT_TRUE(v.chainValid);
  EXPECT_TRUE(v.signatureValid);
  EXPECT_TRUE(hasFailure(v, "revoked"));
  EXPECT_FALSE(v.passed());
}

TEST(PassiveAuth, CrlNotListingTheSignerIsGood) {
  const auto& pki = testPki();
  TrustStore trust = trustCsca();
  must(trust.addCrls(testing::makeCrlDer(pki.csca.get(), pki.cscaKey.get(), {99})));
  const PassiveAuthVerdict v = verifyPassiveAuthentication(pki.efSod, pki.dataGroups, trust);
  EXPECT_EQ(v.revocation, RevocationStatus::Good);
  EXPECT_TRUE(v.passed()) << allFailures(v);
}

TEST(PassiveAuth, ExpiredCrlLeavesRevocationUnknown) {
  const auto& pki = testPki();
  TrustStore trust = trustCsca();
  must(trust.addCrls(testing::makeCrlDer(pki.csca.get(), pki.cscaKey.get(), {}, 30)));
  PassiveAuthOptions later;
  later.verificationTime = std::time(nullptr) + 60L * 86400;  // after the CRL's nextUpdate
  const PassiveAuthVerdict v = verifyPassiveAuthentication(pki.efSod, pki.dataGroups, trust, later);
  EXPECT_EQ(v.revocation, RevocationStatus::Unknown);
  EXPECT_TRUE(v.chainValid);
  EXPECT_FALSE(v.passed());
}

TEST(PassiveAuth, ExpiredDocumentSignerFailsTheChain) {
  const auto& pki = testPki();
  PassiveAuthOptions later;
  later.verificationTime = std::time(nullptr) + 3700L * 86400;  // DS valid for 3650 days
  const PassiveAuthVerdict v =
      verifyPassiveAuthentication(pki.efSod, pki.dataGroups, trustCsca(), later);
  EXPECT_FALSE(v.chainValid);
  EXPECT_TRUE(hasFailure(v, "expired"));
}

TEST(PassiveAuth, DocumentSignerFromAnotherCscaFailsTheChain) {
  const auto& pki = testPki();
  const auto rogueKey = testing::makeEcKey("secp384r1");
  const auto rogueCa = testing::makeCertificate({"CSCA onestop test", 1, -1, 100, true},
                                                rogueKey.get(), nullptr, rogueKey.get());
  const auto dsKey = testing::makeEcKey("prime256v1");
  const auto ds = testing::makeCertificate({"DS rogue", 3, -1, 100, false}, dsKey.get(),
                                           rogueCa.get(), rogueKey.get());
  const Bytes sod = testing::makeEfSod(ds.get(), dsKey.get(), pki.dataGroups);
  const PassiveAuthVerdict v = verifyPassiveAuthentication(sod, pki.dataGroups, trustCsca());
  EXPECT_TRUE(v.signatureValid);
  EXPECT_FALSE(v.chainValid);
  EXPECT_FALSE(v.passed());
}

Bytes withReplaced(Bytes sod, const Bytes& from, const Bytes& to) {
  const auto at = std::search(sod.begin(), sod.end(), from.begin(), from.end());
  if (at == sod.end()) throw std::runtime_error("pattern not in EF.SOD");
  std::copy(to.begin(), to.end(), at);
  return sod;
}

TEST(PassiveAuth, UnsignedSignedDataVersionIsChecked) {
  const auto& pki = testPki();
  Bytes sod = pki.efSod;
  ASSERT_EQ(toHex(ByteView(sod).subspan(27, 3)), "020103");
  sod[29] = 0x01;
  const PassiveAuthVerdict v = verifyPassiveAuthentication(sod, pki.dataGroups, trustCsca());
  EXPECT_FALSE(v.sodParsed);
  EXPECT_FALSE(v.passed());
  EXPECT_TRUE(hasFailure(v, "SignedData version"));
}

TEST(PassiveAuth, SignatureAlgorithmMustFitDigestAndKey) {
  const auto& pki = testPki();
  const Bytes ecdsaSha256 = hexBytes("06082A8648CE3D040302");
  for (const char* other : {"06082A8648CE3D040303",     // ecdsa-with-SHA384: another digest
                            "06082A864886F70D0101"}) {  // truncated RSA arc: unknown OID
    const Bytes sod = withReplaced(pki.efSod, ecdsaSha256, hexBytes(other));
    const PassiveAuthVerdict v = verifyPassiveAuthentication(sod, pki.dataGroups, trustCsca());
    EXPECT_FALSE(v.passed()) << other;
    EXPECT_TRUE(hasFailure(v, "signature algorithm")) << other << ": " << allFailures(v);
  }
}

TEST(PassiveAuth, SodWithoutTheLdsContentTypeFails) {
  const auto& pki = testPki();
  const Bytes sod =
      withReplaced(pki.efSod, hexBytes("0606678108010101"), hexBytes("0606678108010102"));
  const PassiveAuthVerdict v = verifyPassiveAuthentication(sod, pki.dataGroups, trustCsca());
  EXPECT_FALSE(v.sodParsed);
  EXPECT_FALSE(v.passed());
  EXPECT_TRUE(hasFailure(v, "eContentType"));
}

TEST(PassiveAuth, MalformedSodGivesAVerdictNotACrash) {
  const auto& pki = testPki();
  const Bytes cases[] = {
      {},
      hexBytes("77"),
      hexBytes("7700"),
      hexBytes("6003010203"),
      encodeTlv(0x77, hexBytes("300A06082A864886F70D0107")),
      encodeTlv(0x77, Bytes(64, 0x30)),
  };
  for (const Bytes& sod : cases) {
    const PassiveAuthVerdict v = verifyPassiveAuthentication(sod, pki.dataGroups, trustCsca());
    EXPECT_FALSE(v.passed());
    EXPECT_FALSE(v.sodParsed);
    EXPECT_FALSE(v.failures.empty());
  }
}

TEST(PassiveAuth, EveryTruncationOfTheSodIsRefusedCleanly) {
  const auto& pki = testPki();
  const TrustStore trust = trustCsca();
  for (std::size_t n = 0; n < pki.efSod.size(); n += 7) {
    const Bytes cut(pki.efSod.begin(), pki.efSod.begin() + static_cast<std::ptrdiff_t>(n));
    const PassiveAuthVerdict v = verifyPassiveAuthentication(cut, pki.dataGroups, trust);
    EXPECT_FALSE(v.passed()) << n;
    EXPECT_FALSE(v.failures.empty()) << n;
  }
}

TEST(PassiveAuth, EveryFlippedByteFailsSomeCheck) {
  const auto& pki = testPki();
  const TrustStore trust = trustCsca();
  for (std::size_t i = 0; i < pki.efSod.size(); i += 11) {
    Bytes sod = pki.efSod;
    sod[i] ^= 0x5A;
    const PassiveAuthVerdict v = verifyPassiveAuthentication(sod, pki.dataGroups, trust);
    EXPECT_FALSE(v.passed()) << "byte " << i;
  }
}

}  // namespace
}  // namespace onestop::emrtd
