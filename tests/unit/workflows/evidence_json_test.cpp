// The evidence bundle's JSON form: a full round trip, and a named refusal for every malformed
// member (a server must never verify something it half understood).
#include <gtest/gtest.h>

#include <string>

#include "card_evidence.hpp"
#include "onestop/workflows/challenge_binding.hpp"
#include "onestop/workflows/evidence.hpp"

namespace onestop::workflows {
namespace {

using Json = nlohmann::json;

constexpr const char* kChallenge = "abcdefghijklmnopqrstuvwx";
constexpr const char* kOrigin = "https://app.example.vn";

Evidence signedEvidence() {
  auto evidence = testing::cardEvidence("an-2021", kChallenge, kOrigin);
  testing::signActiveAuthentication(evidence, "an-2021", kChallenge, kOrigin);
  evidence.chipAuthentication = "passed";
  return evidence;
}

TEST(EvidenceJson, RoundTripsEveryMember) {
  const auto original = signedEvidence();
  const Json json = evidenceToJson(original);
  EXPECT_EQ(json["format"], "onestop-evidence/1");
  EXPECT_EQ(json["binding"], emrtd::toHex(bindingDigest(kChallenge, kOrigin)));
  EXPECT_EQ(json["chipAuthentication"]["transferable"], false);

  // Through text, as a server receives it.
  const auto parsed = evidenceFromJson(Json::parse(json.dump()));
  ASSERT_TRUE(parsed) << parsed.error().detail();
  EXPECT_EQ(parsed->readAt, original.readAt);
  EXPECT_EQ(parsed->challenge, original.challenge);
  EXPECT_EQ(parsed->origin, original.origin);
  EXPECT_EQ(parsed->authentication, original.authentication);
  EXPECT_EQ(parsed->sod, original.sod);
  EXPECT_EQ(parsed->dataGroups, original.dataGroups);
  EXPECT_EQ(parsed->activeAuthenticationChallenge, original.activeAuthenticationChallenge);
  EXPECT_EQ(parsed->activeAuthenticationSignature, original.activeAuthenticationSignature);
  EXPECT_EQ(parsed->chipAuthentication, "passed");
}

TEST(EvidenceJson, WithoutActiveAuthenticationHasNoSuchMember) {
  const auto evidence = testing::cardEvidence("an-2021");
  const Json json = evidenceToJson(evidence);
  EXPECT_FALSE(json.contains("activeAuthentication"));
  const auto parsed = evidenceFromJson(json);
  ASSERT_TRUE(parsed) << parsed.error().detail();
  EXPECT_TRUE(parsed->activeAuthenticationSignature.empty());
  EXPECT_EQ(parsed->chipAuthentication, "notPerformed");
}

struct Malformed {
  const char* name;
  void (*mutate)(Json&);
  const char* member;  // the detail names it: "evidence.<member>: …"
};

std::ostream& operator<<(std::ostream& out, const Malformed& c) {
  return out << c.name;
}

class MalformedEvidence : public ::testing::TestWithParam<Malformed> {};

TEST_P(MalformedEvidence, IsRefusedNamingTheMember) {
  Json json = evidenceToJson(signedEvidence());
  ASSERT_TRUE(evidenceFromJson(json));  // the unmutated bundle is fine
  GetParam().mutate(json);
  const auto parsed = evidenceFromJson(json);
  ASSERT_FALSE(parsed) << "accepted " << GetParam().name;
  EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed);
  EXPECT_NE(parsed.error().detail().find(std::string("evidence.") + GetParam().member),
            std::string::npos)
      << parsed.error().detail();
}

const std::string kHugeBase64(std::size_t{2} << 20, 'A');

INSTANTIATE_TEST_SUITE_P(
    EveryMember, MalformedEvidence,
    ::testing::Values(
        Malformed{"notAnObject",
                  [](Json& j) {
                    j = Json::array({1, 2});
                  },
                  ""},
        Malformed{"formatMissing", [](Json& j) { j.erase("format"); }, "format"},
        Malformed{"formatWrong", [](Json& j) { j["format"] = "onestop-evidence/2"; }, "format"},
        Malformed{"formatNotString", [](Json& j) { j["format"] = 1; }, "format"},
        Malformed{"readAtNotString", [](Json& j) { j["readAt"] = 5; }, "readAt"},
        Malformed{"challengeNotString", [](Json& j) { j["challenge"] = Json::array(); },
                  "challenge"},
        Malformed{"originNotString", [](Json& j) { j["origin"] = nullptr; }, "origin"},
        Malformed{"sodMissing", [](Json& j) { j.erase("sod"); }, "sod"},
        Malformed{"sodBadBase64", [](Json& j) { j["sod"] = "not*base64!"; }, "sod"},
        Malformed{"sodNotString", [](Json& j) { j["sod"] = 42; }, "sod"},
        Malformed{"sodTooLarge", [](Json& j) { j["sod"] = kHugeBase64; }, "sod"},
        Malformed{"dataGroupsMissing", [](Json& j) { j.erase("dataGroups"); }, "dataGroups"},
        Malformed{"dataGroupsArray", [](Json& j) { j["dataGroups"] = Json::array(); },
                  "dataGroups"},
        Malformed{"dataGroupKeyZero", [](Json& j) { j["dataGroups"]["0"] = "AAAA"; }, "dataGroups"},
        Malformed{"dataGroupKey17", [](Json& j) { j["dataGroups"]["17"] = "AAAA"; }, "dataGroups"},
        Malformed{"dataGroupKeyLetter", [](Json& j) { j["dataGroups"]["x"] = "AAAA"; },
                  "dataGroups"},
        Malformed{"dataGroupKeyEmpty", [](Json& j) { j["dataGroups"][""] = "AAAA"; }, "dataGroups"},
        Malformed{"dataGroupKeyNegative", [](Json& j) { j["dataGroups"]["-1"] = "AAAA"; },
                  "dataGroups"},
        Malformed{"dataGroupKeyHuge", [](Json& j) { j["dataGroups"]["99999999999"] = "AAAA"; },
                  "dataGroups"},
        Malformed{"dataGroupBadBase64", [](Json& j) { j["dataGroups"]["1"] = "@@@@"; },
                  "dataGroups.1"},
        Malformed{"dataGroupNotString", [](Json& j) { j["dataGroups"]["13"] = true; },
                  "dataGroups.13"},
        Malformed{"aaNotObject", [](Json& j) { j["activeAuthentication"] = "x"; },
                  "activeAuthentication"},
        Malformed{"aaChallengeMissing",
                  [](Json& j) { j["activeAuthentication"].erase("challenge"); }, "challenge"},
        Malformed{"aaChallengeSevenBytes",
                  [](Json& j) { j["activeAuthentication"]["challenge"] = "00112233445566"; },
                  "activeAuthentication.challenge"},
        Malformed{"aaChallengeNineBytes",
                  [](Json& j) { j["activeAuthentication"]["challenge"] = "001122334455667788"; },
                  "activeAuthentication.challenge"},
        Malformed{"aaChallengeNotHex",
                  [](Json& j) { j["activeAuthentication"]["challenge"] = "zz112233445566ZZ"; },
                  "activeAuthentication.challenge"},
        Malformed{"aaSignatureMissing",
                  [](Json& j) { j["activeAuthentication"].erase("signature"); },
                  "activeAuthentication.signature"},
        Malformed{"aaSignatureBadBase64",
                  [](Json& j) { j["activeAuthentication"]["signature"] = "%%%"; },
                  "activeAuthentication.signature"},
        Malformed{"caNotObject", [](Json& j) { j["chipAuthentication"] = "passed"; },
                  "chipAuthentication"},
        Malformed{"caResultUnknown", [](Json& j) { j["chipAuthentication"]["result"] = "maybe"; },
                  "chipAuthentication.result"}),
    [](const ::testing::TestParamInfo<Malformed>& caseInfo) {
      return std::string(caseInfo.param.name);
    });

}  // namespace
}  // namespace onestop::workflows
