#include "onestop/emrtd/document_signer_check.hpp"

#include <gtest/gtest.h>

#include "test_pki.hpp"

namespace onestop::emrtd {
namespace {

using testing::testPki;

TrustStore trustCsca() {
  TrustStore trust;
  if (!trust.addCertificates(testing::certificateDer(testPki().csca.get()))) {
    throw std::runtime_error("test CSCA refused");
  }
  return trust;
}

TEST(DocumentSignerCheck, AcceptsADsIssuedByATrustedCsca) {
  const DocumentSignerCheck check = checkDocumentSigner(testPki().ds.get(), trustCsca());
  EXPECT_TRUE(check.chainValid);
  EXPECT_EQ(check.revocation, RevocationStatus::NotChecked);
  EXPECT_TRUE(check.failures.empty());
}

TEST(DocumentSignerCheck, RefusesADsNotYetValid) {
  const auto& pki = testPki();
  const auto key = testing::makeEcKey("prime256v1");
  const auto future = testing::makeCertificate({"DS future", 40, 10, 100, false}, key.get(),
                                               pki.csca.get(), pki.cscaKey.get());
  const DocumentSignerCheck check = checkDocumentSigner(future.get(), trustCsca());
  EXPECT_FALSE(check.chainValid);
  ASSERT_EQ(check.failures.size(), 1U);
  EXPECT_NE(check.failures[0].find("not yet valid"), std::string::npos);
}

TEST(DocumentSignerCheck, RefusesTheCscaItselfOnlyWhenUntrusted) {
  const auto& pki = testPki();
  EXPECT_TRUE(checkDocumentSigner(pki.csca.get(), trustCsca()).chainValid);
  EXPECT_FALSE(checkDocumentSigner(pki.csca.get(), TrustStore()).chainValid);
}

TEST(DocumentSignerCheck, ReportsRevocationFromTheIssuersCrl) {
  const auto& pki = testPki();
  TrustStore trust = trustCsca();
  ASSERT_TRUE(trust.addCrls(testing::makeCrlDer(pki.csca.get(), pki.cscaKey.get(), {2, 5})));
  const DocumentSignerCheck check = checkDocumentSigner(pki.ds.get(), trust);
  EXPECT_TRUE(check.chainValid);
  EXPECT_EQ(check.revocation, RevocationStatus::Revoked);
}

TEST(DocumentSignerCheck, CrlFromAnotherIssuerLeavesRevocationUnknown) {
  const auto& pki = testPki();
  const auto otherKey = testing::makeEcKey("secp384r1");
  const auto other = testing::makeCertificate({"CSCA other", 9, -1, 100, true}, otherKey.get(),
                                              nullptr, otherKey.get());
  TrustStore trust = trustCsca();
  ASSERT_TRUE(trust.addCrls(testing::makeCrlDer(other.get(), otherKey.get(), {})));
  const DocumentSignerCheck check = checkDocumentSigner(pki.ds.get(), trust);
  EXPECT_TRUE(check.chainValid);
  EXPECT_EQ(check.revocation, RevocationStatus::Unknown);
  EXPECT_FALSE(check.failures.empty());
}

TEST(DocumentSignerCheck, UsesTheGivenVerificationTime) {
  const auto& pki = testPki();
  const std::time_t beforeIssue = std::time(nullptr) - 60L * 86400;  // DS valid from -30 days
  const DocumentSignerCheck check = checkDocumentSigner(pki.ds.get(), trustCsca(), beforeIssue);
  EXPECT_FALSE(check.chainValid);
}

}  // namespace
}  // namespace onestop::emrtd
