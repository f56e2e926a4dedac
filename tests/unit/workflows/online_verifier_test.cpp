// The online verifier's VNeID-app-QR extension: the default refuses, the simulator reads only its
// own made-up format (never the real app's, which is not public).
#include "onestop/workflows/online_verifier.hpp"

#include <gtest/gtest.h>

namespace onestop::workflows {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using std::chrono::system_clock;

const system_clock::time_point kNow{seconds(1'790'000'000)};
constexpr const char* kId = "001095012345";

SimulatedOnlineVerifier simulator(std::set<std::string> revoked = {},
                                  std::set<std::string> unknown = {}, bool unavailable = false,
                                  bool appQr = true) {
  return SimulatedOnlineVerifier(std::move(revoked), std::move(unknown), unavailable, appQr,
                                 [] { return kNow; });
}

class CardOnlyVerifier final : public OnlineVerifier {
 public:
  [[nodiscard]] std::string name() const override { return "card-only"; }
  OnlineStatus check(const OnlineQuery& /*query*/) override { return OnlineStatus::Active; }
};

TEST(OnlineVerifierAppQr, IsNeitherRecognisedNorCheckedByDefault) {
  CardOnlyVerifier verifier;
  const std::string qr = makeSimulatedAppQr(kId, kNow);

  EXPECT_FALSE(verifier.recognizesAppQr(qr));
  auto checked = verifier.checkAppQr(qr);
  ASSERT_FALSE(checked.ok());
  EXPECT_EQ(checked.error().reason(), Reason::NotSupported);
}

TEST(OnlineVerifierAppQr, WritesTheSimulatedFormat) {
  EXPECT_EQ(makeSimulatedAppQr(kId, kNow), "ONESTOP-SIM-VNEID/1|001095012345|1790000000");
}

TEST(OnlineVerifierAppQr, ConfirmsAFreshQrOfAnActiveCard) {
  auto verifier = simulator();
  const std::string qr = makeSimulatedAppQr(kId, kNow - minutes(4));

  ASSERT_TRUE(verifier.recognizesAppQr(qr));
  auto checked = verifier.checkAppQr(qr);

  ASSERT_TRUE(checked.ok()) << checked.error().detail();
  EXPECT_EQ(checked->status, OnlineStatus::Active);
  EXPECT_EQ(checked->idNumber, kId);
  EXPECT_EQ(checked->validUntil, kNow + minutes(1));
  EXPECT_FALSE(checked->fullName.has_value());  // the simulated issuer confirms only the ID
  EXPECT_TRUE(checked->detail.empty());
}

TEST(OnlineVerifierAppQr, AnswersUnknownForAnExpiredQr) {
  auto verifier = simulator();

  auto checked = verifier.checkAppQr(makeSimulatedAppQr(kId, kNow - minutes(5) - seconds(1)));

  ASSERT_TRUE(checked.ok());
  EXPECT_EQ(checked->status, OnlineStatus::Unknown);
  EXPECT_NE(checked->detail.find("expired"), std::string::npos) << checked->detail;
  EXPECT_FALSE(checked->idNumber.has_value());
  EXPECT_EQ(checked->validUntil, kNow - seconds(1));
}

TEST(OnlineVerifierAppQr, ToleratesAPhoneClockAMinuteAheadButNotMore) {
  auto verifier = simulator();

  EXPECT_EQ(verifier.checkAppQr(makeSimulatedAppQr(kId, kNow + seconds(60)))->status,
            OnlineStatus::Active);
  auto ahead = verifier.checkAppQr(makeSimulatedAppQr(kId, kNow + seconds(61)));
  EXPECT_EQ(ahead->status, OnlineStatus::Unknown);
  EXPECT_NE(ahead->detail.find("future"), std::string::npos);
}

TEST(OnlineVerifierAppQr, AnswersForTheIdNumberAsTheCardCheckDoes) {
  const std::string qr = makeSimulatedAppQr(kId, kNow);

  EXPECT_EQ(simulator({kId}).checkAppQr(qr)->status, OnlineStatus::Revoked);
  EXPECT_EQ(simulator({}, {kId}).checkAppQr(qr)->status, OnlineStatus::Unknown);
  EXPECT_EQ(simulator({}, {}, true).checkAppQr(qr)->status, OnlineStatus::Unavailable);
}

TEST(OnlineVerifierAppQr, ClaimsAMalformedSimulatedQrButCannotReadIt) {
  auto verifier = simulator();
  for (const char* qr :
       {"ONESTOP-SIM-VNEID/1|", "ONESTOP-SIM-VNEID/1|00109501234|1790000000",
        "ONESTOP-SIM-VNEID/1|001095012345|", "ONESTOP-SIM-VNEID/1|001095012345|17900x0000",
        "ONESTOP-SIM-VNEID/1|001095012345|1790000000|extra"}) {
    SCOPED_TRACE(qr);
    ASSERT_TRUE(verifier.recognizesAppQr(qr));
    auto checked = verifier.checkAppQr(qr);
    ASSERT_FALSE(checked.ok());
    EXPECT_EQ(checked.error().reason(), Reason::ValidationFailed);
    EXPECT_EQ(checked.error().detail().find(kId), std::string::npos);
  }
}

TEST(OnlineVerifierAppQr, RecognisesNothingElse) {
  auto verifier = simulator();
  for (const std::string& text :
       {std::string("001095012345||Nguyễn Văn An|15061995|Nam|Hà Nội|10082021"),
        std::string("https://vneid.example/qr?x=1"),
        std::string("ONESTOP-SIM-VNEID/2|001095012345|1790000000"),
        std::string("onestop-sim-vneid/1|001095012345|1790000000")}) {
    EXPECT_FALSE(verifier.recognizesAppQr(text)) << text;
  }
}

TEST(OnlineVerifierAppQr, TurnsOffWithTheAppQrSetting) {
  auto verifier = simulator({}, {}, false, /*appQr=*/false);
  const std::string qr = makeSimulatedAppQr(kId, kNow);

  EXPECT_FALSE(verifier.recognizesAppQr(qr));
  EXPECT_EQ(verifier.checkAppQr(qr).error().reason(), Reason::NotSupported);
}

TEST(OnlineVerifierAppQr, ReadsTheAppQrSettingFromTheConfig) {
  const std::string qr = makeSimulatedAppQr(kId, system_clock::now());

  auto byDefault = makeOnlineVerifier({{"kind", "simulator"}});
  ASSERT_TRUE(byDefault.ok());
  EXPECT_TRUE((*byDefault)->recognizesAppQr(qr));
  EXPECT_EQ((*byDefault)->checkAppQr(qr)->status, OnlineStatus::Active);

  auto off = makeOnlineVerifier({{"kind", "simulator"}, {"appQr", false}});
  ASSERT_TRUE(off.ok());
  EXPECT_FALSE((*off)->recognizesAppQr(qr));

  auto wrongType = makeOnlineVerifier({{"kind", "simulator"}, {"appQr", "yes"}});
  ASSERT_FALSE(wrongType.ok());
  EXPECT_EQ(wrongType.error().reason(), Reason::ValidationFailed);
  EXPECT_NE(wrongType.error().detail().find("appQr"), std::string::npos);
}

}  // namespace
}  // namespace onestop::workflows
