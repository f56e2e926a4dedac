#include "onestop/emrtd/bac.hpp"

#include <gtest/gtest.h>

#include "apdu_replay.hpp"
#include "onestop/emrtd/secure_channel.hpp"
#include "onestop/emrtd/symmetric_crypto.hpp"

namespace onestop::emrtd {
namespace {

using testing::ApduScript;
using testing::ReplayTransport;

constexpr std::string_view kMrzInformation = "L898902C<369080619406236";
constexpr std::string_view kChallenge = "> 0084000008\n< 4608F919887022129000\n";
constexpr std::string_view kMutualAuthenticate =
    "> 008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD"
    "90A728\n";

ApduScript appendixD() {
  return testing::loadApduScript("apdu/icao-9303-appendix-d/bac-read-ef-com.apdu").value();
}

ApduScript inlineScript(std::string_view mutualAuthenticateAnswer) {
  const std::string text = std::string(kChallenge) + std::string(kMutualAuthenticate) + "< " +
                           std::string(mutualAuthenticateAnswer) + "\n";
  return testing::parseApduScript(text).value();
}

TEST(Bac, ReplaysAppendixDAndDerivesTheSession) {
  ApduScript script = appendixD();
  FixedRandomSource random(script.random);
  ReplayTransport card(std::move(script));

  auto session = performBac(card, random, kMrzInformation);
  ASSERT_TRUE(session.ok()) << session.error().detail();
  EXPECT_EQ(toHex(session->ssc()), "887022120C06C226");
  EXPECT_EQ(random.remaining(), 0U);

  // The session keys are right if the rest of Appendix D (D.4) replays byte for byte.
  SecureChannel channel(card, std::move(session).value());
  auto select = channel.send(apdu::selectByFid(0x011E));
  ASSERT_TRUE(select.ok()) << select.error().detail();
  EXPECT_EQ(select->sw, 0x9000);
  auto head = channel.send(apdu::readBinary(0, 4));
  ASSERT_TRUE(head.ok()) << head.error().detail();
  auto rest = channel.send(apdu::readBinary(4, 18));
  ASSERT_TRUE(rest.ok()) << rest.error().detail();
  EXPECT_EQ(toHex(head->data) + toHex(rest->data), "60145F0104303130365F36063034303030305C026175");
  EXPECT_TRUE(card.verify());
}

TEST(Bac, WrongKeyRefusedWith6300IsAccessKeyRejected) {
  ApduScript script = inlineScript("6300");
  FixedRandomSource random(appendixD().random);
  ReplayTransport card(std::move(script));
  auto session = performBac(card, random, kMrzInformation);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::AccessKeyRejected);
  EXPECT_NE(session.error().detail().find("6300"), std::string::npos);
  EXPECT_TRUE(card.verify());
}

TEST(Bac, WrongKeyRefusedWith6988IsAccessKeyRejected) {
  // vsmartcard's vicc answers a wrong BAC key with 6988 instead of 6300.
  ReplayTransport card(inlineScript("6988"));
  FixedRandomSource random(appendixD().random);
  auto session = performBac(card, random, kMrzInformation);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::AccessKeyRejected);
}

TEST(Bac, CardCryptogramWithBadMacIsAccessKeyRejected) {
  ReplayTransport card(inlineScript(
      "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74489000"));
  FixedRandomSource random(appendixD().random);
  auto session = performBac(card, random, kMrzInformation);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::AccessKeyRejected);
  EXPECT_NE(session.error().detail().find("MAC"), std::string::npos);
}

TEST(Bac, CardCryptogramNotEchoingOurNonceIsAccessKeyRejected) {
  // A well-MACed answer whose RND.IFD is wrong: what a replayed old answer would look like.
  const BacKeys keys = deriveBacKeys(kMrzInformation);
  const Bytes r = hexBytes(
      "4608F91988702212"
      "0000000000000000"
      "0B4F80323EB3191CB04970CB4052790B");
  const Bytes eIc = tdesCbcEncrypt(keys.kEnc, Bytes(8, 0), r).value();
  Bytes answer = eIc;
  append(answer, retailMac(keys.kMac, padIso9797Method2(eIc, 8)).value());
  ReplayTransport card(inlineScript(toHex(answer) + "9000"));
  FixedRandomSource random(appendixD().random);
  auto session = performBac(card, random, keys);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::AccessKeyRejected);
  EXPECT_NE(session.error().detail().find("echo"), std::string::npos);
}

TEST(Bac, ShortAnswerIsAnIoError) {
  ReplayTransport card(inlineScript("46B9342A9000"));
  FixedRandomSource random(appendixD().random);
  auto session = performBac(card, random, kMrzInformation);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::IoError);
}

TEST(Bac, ChipWithoutBacReportsNotSupported) {
  ReplayTransport card(testing::parseApduScript("> 0084000008\n< 6D00\n").value());
  FixedRandomSource random(appendixD().random);
  auto session = performBac(card, random, kMrzInformation);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::NotSupported);
}

TEST(Bac, CardRemovedDuringAuthenticationIsReported) {
  ReplayTransport card(appendixD());
  card.removeCardAt(1);
  FixedRandomSource random(appendixD().random);
  auto session = performBac(card, random, kMrzInformation);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::CardRemoved);
}

TEST(Bac, ExhaustedRandomSourceStopsBeforeAuthenticating) {
  ReplayTransport card(testing::parseApduScript(std::string(kChallenge)).value());
  FixedRandomSource random(hexBytes("0102"));
  auto session = performBac(card, random, kMrzInformation);
  ASSERT_FALSE(session.ok());
  EXPECT_EQ(session.error().reason(), Reason::Internal);
  EXPECT_TRUE(card.verify());
}

}  // namespace
}  // namespace onestop::emrtd
