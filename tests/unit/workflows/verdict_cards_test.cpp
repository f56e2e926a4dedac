// The eID verdict on every generated test card (tests/data/cards), asserted against the card's
// own card.json "expected", plus the QR comparison, the AA binding and the online check.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "card_evidence.hpp"
#include "onestop/cccd/qr_payload.hpp"
#include "onestop/workflows/card_contents.hpp"
#include "onestop/workflows/eid_verdict.hpp"
#include "onestop/workflows/online_verifier.hpp"

namespace onestop::workflows {
namespace {

using testing::cardEvidence;
using testing::cardTruth;

constexpr const char* kChallenge = "Zq3-_9AbCdEfGhIjKlMnOpQr";
constexpr const char* kOrigin = "https://dichvucong.example.vn";
const std::vector<std::string> kCitizens = {"an-2021", "ngoc-2021-noexpiry", "khanh-2024",
                                            "minh-2024-child"};
const std::vector<std::string> kEcdsaCitizens = {"an-2021", "ngoc-2021-noexpiry",
                                                 "minh-2024-child"};

class CardVerdict : public ::testing::Test {
 protected:
  EidVerdict verify(const Evidence& evidence, VerifyOptions options = {}) {
    options.trust = &trust_;
    options.today =
        cccd::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    return verifyEvidence(evidence, parseContents(evidence.dataGroups), options);
  }
  static std::set<std::string> failures(const EidVerdict& verdict) {
    const auto reasons = verdict.failedReasons();
    return {reasons.begin(), reasons.end()};
  }
  static bool fails(const EidVerdict& verdict, const std::string& reason) {
    return failures(verdict).contains(reason);
  }

  emrtd::TrustStore trust_ = testing::cardTrustStore();
};

std::string joined(const std::set<std::string>& reasons) {
  std::string out;
  for (const auto& r : reasons) out += r + " ";
  return out;
}

TEST_F(CardVerdict, CitizensWithoutActiveAuthenticationFailOnlyForTheMissingSignature) {
  for (const auto& card : kCitizens) {
    SCOPED_TRACE(card);
    const auto verdict = verify(cardEvidence(card));
    // The chips have a DG15: a read that skipped AA cannot claim a genuine chip, nor a binding.
    EXPECT_EQ(failures(verdict), (std::set<std::string>{"AA_NOT_PERFORMED", "NOT_BOUND"}))
        << joined(failures(verdict));
    EXPECT_FALSE(verdict.genuine);
    EXPECT_TRUE(verdict.notRevoked);
    EXPECT_TRUE(verdict.valid);
    EXPECT_TRUE(verdict.consistent);
    EXPECT_FALSE(verdict.bound);
    EXPECT_FALSE(verdict.online.has_value());
  }
}

TEST_F(CardVerdict, CitizensAreGenuineOnPassiveAuthenticationWhenNoAaKeyIsPresent) {
  for (const auto& card : kCitizens) {
    SCOPED_TRACE(card);
    auto evidence = cardEvidence(card);
    evidence.dataGroups.erase(15);  // as a chip without AA: nothing to sign
    const auto verdict = verify(evidence);
    EXPECT_TRUE(verdict.genuine) << joined(failures(verdict));
    EXPECT_TRUE(verdict.notRevoked);
    EXPECT_TRUE(verdict.valid);
    EXPECT_TRUE(verdict.consistent);
    EXPECT_EQ(failures(verdict), (std::set<std::string>{"NOT_BOUND"}));
  }
}

// What card.json's "expected" says must fail, as a verdict reason ("" for a clean card).
std::string expectedReason(const nlohmann::json& expected) {
  const auto pa = expected.at("passiveAuthentication").get<std::string>();
  if (pa != "passed") return pa;
  if (!expected.at("dg13Parses").get<bool>()) return "DG13_INVALID";
  if (!expected.at("mrzValid").get<bool>()) return "MRZ_INVALID";
  return "";
}

struct DefectCase {
  const char* card;
  const char* reason;
  bool EidVerdict::*falseGroup;
};

class DefectCard : public CardVerdict, public ::testing::WithParamInterface<DefectCase> {};

TEST_P(DefectCard, FailsWithTheReasonCardJsonExpects) {
  const auto& param = GetParam();
  const auto expected = cardTruth(param.card).at("expected");
  ASSERT_EQ(expectedReason(expected), param.reason) << "card.json disagrees with this test";
  auto evidence = cardEvidence(param.card, kChallenge, kOrigin);
  testing::signActiveAuthentication(evidence, param.card, kChallenge, kOrigin);
  const auto verdict = verify(evidence);
  EXPECT_TRUE(fails(verdict, param.reason)) << joined(failures(verdict));
  EXPECT_FALSE(verdict.*param.falseGroup);
  // AA itself is sound on every defect card (the chip key is the original one).
  EXPECT_FALSE(fails(verdict, "AA_FAILED"));
  if (std::string(param.reason) == "HASH_MISMATCH") {
    const auto groups = expected.at("mismatchedDataGroups");
    ASSERT_EQ(groups.size(), 1U);
    const auto it = std::find_if(verdict.checks.begin(), verdict.checks.end(), [](const auto& c) {
      return c.name == "passiveAuthentication.dataGroupHashes";
    });
    ASSERT_NE(it, verdict.checks.end());
    EXPECT_EQ(it->detail, "DG" + std::to_string(groups[0].get<int>()));
  }
}

INSTANTIATE_TEST_SUITE_P(
    GeneratedCards, DefectCard,
    ::testing::Values(DefectCase{"tampered-dg13", "HASH_MISMATCH", &EidVerdict::genuine},
                      DefectCase{"tampered-dg2", "HASH_MISMATCH", &EidVerdict::genuine},
                      DefectCase{"wrong-ds", "CHAIN_UNTRUSTED", &EidVerdict::genuine},
                      DefectCase{"expired-ds", "DS_EXPIRED", &EidVerdict::genuine},
                      DefectCase{"revoked-ds", "DS_REVOKED", &EidVerdict::notRevoked},
                      DefectCase{"corrupt-signature", "SIGNATURE_INVALID", &EidVerdict::genuine},
                      DefectCase{"truncated-sod", "SOD_MALFORMED", &EidVerdict::genuine},
                      DefectCase{"malformed-dg13", "DG13_INVALID", &EidVerdict::valid},
                      DefectCase{"bad-mrz-check", "MRZ_INVALID", &EidVerdict::valid}),
    [](const auto& caseInfo) {
      std::string name = caseInfo.param.card;
      std::replace(name.begin(), name.end(), '-', '_');
      return name;
    });

TEST_F(CardVerdict, EveryCitizenCardJsonExpectsAClean) {
  for (const auto& card : kCitizens) {
    EXPECT_EQ(expectedReason(cardTruth(card).at("expected")), "") << card;
  }
}

TEST_F(CardVerdict, SignedBindingMakesTheCitizenFullyVerified) {
  for (const auto& card : kEcdsaCitizens) {
    SCOPED_TRACE(card);
    ASSERT_TRUE(testing::hasEcActiveAuthenticationKey(card));
    auto evidence = cardEvidence(card, kChallenge, kOrigin);
    testing::signActiveAuthentication(evidence, card, kChallenge, kOrigin);
    VerifyOptions options;
    options.expectedChallenge = kChallenge;
    options.expectedOrigin = kOrigin;
    const auto verdict = verify(evidence, options);
    EXPECT_TRUE(verdict.failedReasons().empty()) << joined(failures(verdict));
    EXPECT_TRUE(verdict.genuine);
    EXPECT_TRUE(verdict.bound);
  }
  EXPECT_FALSE(testing::hasEcActiveAuthenticationKey("khanh-2024"));  // RSA: not signed here
}

TEST_F(CardVerdict, WrongExpectationsOrAlteredBundleBreakTheBinding) {
  auto evidence = cardEvidence("an-2021", kChallenge, kOrigin);
  testing::signActiveAuthentication(evidence, "an-2021", kChallenge, kOrigin);

  VerifyOptions otherOrigin;
  otherOrigin.expectedChallenge = kChallenge;
  otherOrigin.expectedOrigin = "https://attacker.example";
  auto verdict = verify(evidence, otherOrigin);
  EXPECT_FALSE(verdict.bound);
  EXPECT_EQ(failures(verdict), (std::set<std::string>{"ORIGIN_MISMATCH"}));

  VerifyOptions otherChallenge;
  otherChallenge.expectedChallenge = "someOtherNonce0123456789";
  verdict = verify(evidence, otherChallenge);
  EXPECT_FALSE(verdict.bound);
  EXPECT_EQ(failures(verdict), (std::set<std::string>{"CHALLENGE_MISMATCH"}));

  // A relay rewrites the origin in the bundle to match the server: the chip signed another.
  auto relayed = evidence;
  relayed.origin = "https://attacker.example";
  VerifyOptions relayedOptions;
  relayedOptions.expectedChallenge = kChallenge;
  relayedOptions.expectedOrigin = "https://attacker.example";
  verdict = verify(relayed, relayedOptions);
  EXPECT_FALSE(verdict.bound);
  EXPECT_TRUE(verdict.genuine);  // the chip did sign what the bundle says it signed
  EXPECT_EQ(failures(verdict), (std::set<std::string>{"BINDING_MISMATCH"}));

  auto forged = evidence;
  forged.activeAuthenticationSignature.back() ^= 0x01;
  verdict = verify(forged);
  EXPECT_FALSE(verdict.genuine);
  EXPECT_FALSE(verdict.bound);
  EXPECT_TRUE(fails(verdict, "AA_FAILED"));
}

TEST_F(CardVerdict, ChipAuthenticationFailureClaimIsTakenButPassIsNotVerifiable) {
  auto evidence = cardEvidence("an-2021", kChallenge, kOrigin);
  testing::signActiveAuthentication(evidence, "an-2021", kChallenge, kOrigin);
  evidence.chipAuthentication = "failed";
  auto verdict = verify(evidence);
  EXPECT_FALSE(verdict.genuine);
  EXPECT_TRUE(fails(verdict, "CA_FAILED"));

  evidence.chipAuthentication = "notPerformed";  // offline: not witnessed, so not required
  verdict = verify(evidence);
  EXPECT_TRUE(verdict.genuine) << joined(failures(verdict));
}

TEST_F(CardVerdict, QrCodeMustMatchTheChip) {
  const auto qrText = cardTruth("an-2021").at("qr2021").get<std::string>();
  const auto evidence = cardEvidence("an-2021");

  auto qr = cccd::parseCccdQr(qrText);
  ASSERT_TRUE(qr) << qr.error().detail();
  VerifyOptions options;
  options.qr = &*qr;
  auto verdict = verify(evidence, options);
  EXPECT_TRUE(verdict.consistent) << joined(failures(verdict));
  EXPECT_FALSE(fails(verdict, "QR_MISMATCH"));

  // One field changed: the issue date (last field, ddmmyyyy) moved by a year.
  auto altered = qrText;
  const auto lastBar = altered.rfind('|');
  ASSERT_NE(lastBar, std::string::npos);
  altered.replace(lastBar + 1, 8, "10082020");
  ASSERT_NE(altered, qrText);
  auto alteredQr = cccd::parseCccdQr(altered);
  ASSERT_TRUE(alteredQr) << alteredQr.error().detail();
  options.qr = &*alteredQr;
  verdict = verify(evidence, options);
  EXPECT_FALSE(verdict.consistent);
  EXPECT_TRUE(fails(verdict, "QR_MISMATCH"));
  const auto it = std::find_if(verdict.checks.begin(), verdict.checks.end(),
                               [](const auto& c) { return c.name == "qrMatchesChip"; });
  ASSERT_NE(it, verdict.checks.end());
  EXPECT_EQ(it->detail, "dateOfIssue");
}

TEST_F(CardVerdict, OnlineVerifierRevocationFailsNotRevoked) {
  const auto qrText = cardTruth("an-2021").at("qr2021").get<std::string>();
  const std::string idNumber = qrText.substr(0, qrText.find('|'));
  ASSERT_EQ(idNumber.size(), 12U);
  auto evidence = cardEvidence("an-2021", kChallenge, kOrigin);
  testing::signActiveAuthentication(evidence, "an-2021", kChallenge, kOrigin);

  SimulatedOnlineVerifier revoked({idNumber}, {}, false);
  VerifyOptions options;
  options.online = &revoked;
  auto verdict = verify(evidence, options);
  ASSERT_TRUE(verdict.online.has_value());
  EXPECT_EQ(*verdict.online, OnlineStatus::Revoked);
  EXPECT_FALSE(verdict.notRevoked);
  EXPECT_EQ(failures(verdict), (std::set<std::string>{"ONLINE_REVOKED"}));

  SimulatedOnlineVerifier active({"001099000001"}, {}, false);
  options.online = &active;
  verdict = verify(evidence, options);
  EXPECT_EQ(*verdict.online, OnlineStatus::Active);
  EXPECT_TRUE(verdict.notRevoked);
  EXPECT_TRUE(verdict.failedReasons().empty()) << joined(failures(verdict));

  SimulatedOnlineVerifier unavailable({idNumber}, {}, true);
  options.online = &unavailable;
  verdict = verify(evidence, options);
  EXPECT_EQ(*verdict.online, OnlineStatus::Unavailable);
  EXPECT_TRUE(verdict.notRevoked);  // no answer is no verdict on the card
  EXPECT_TRUE(fails(verdict, "ONLINE_UNAVAILABLE"));
}

TEST_F(CardVerdict, VerdictJsonListsFailuresWithBilingualMessages) {
  auto evidence = cardEvidence("tampered-dg13", kChallenge, kOrigin);
  testing::signActiveAuthentication(evidence, "tampered-dg13", kChallenge, kOrigin);
  const auto json = verdictToJson(verify(evidence));
  EXPECT_EQ(json["genuine"], false);
  EXPECT_TRUE(json["online"].is_null());
  EXPECT_NE(std::find(json["failures"].begin(), json["failures"].end(), "HASH_MISMATCH"),
            json["failures"].end());
  for (const auto& check : json["checks"]) {
    if (check["passed"].get<bool>()) continue;
    EXPECT_FALSE(check["message"]["vi"].get<std::string>().empty());
    EXPECT_FALSE(check["message"]["en"].get<std::string>().empty());
  }
}

}  // namespace
}  // namespace onestop::workflows
