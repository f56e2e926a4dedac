#include "onestop/emrtd/secure_channel.hpp"

#include <gtest/gtest.h>

#include "apdu_replay.hpp"

namespace onestop::emrtd {
namespace {

using testing::ReplayTransport;

SecureMessaging appendixDSession() {
  return SecureMessaging::create(
             CipherAlgorithm::Des3, hexBytes("979EC13B1CBFE9DCD01AB0FED307EAE5"),
             hexBytes("F1CB1F1FB5ADF208806B89DC579DC1F8"), hexBytes("887022120C06C226"))
      .value();
}

testing::ApduScript appendixDAfterBac() {
  testing::ApduScript script =
      testing::loadApduScript("apdu/icao-9303-appendix-d/bac-read-ef-com.apdu").value();
  script.steps.erase(script.steps.begin(), script.steps.begin() + 2);  // drop BAC
  return script;
}

TEST(SecureChannel, WrapsSendsAndUnwrapsEachCommand) {
  ReplayTransport card(appendixDAfterBac());
  SecureChannel channel(card, appendixDSession());
  EXPECT_EQ(channel.send(apdu::selectByFid(0x011E))->sw, 0x9000);
  EXPECT_EQ(toHex(channel.send(apdu::readBinary(0, 4))->data), "60145F01");
  EXPECT_EQ(channel.send(apdu::readBinary(4, 18))->data.size(), 18U);
  EXPECT_EQ(toHex(channel.session().ssc()), "887022120C06C22C");
  EXPECT_TRUE(card.verify());
}

TEST(SecureChannel, BadResponseMacFailsTheCommand) {
  testing::ApduScript script = appendixDAfterBac();
  script.steps[0].response[6] ^= 0x01;  // first MAC byte
  ReplayTransport card(std::move(script));
  SecureChannel channel(card, appendixDSession());
  auto r = channel.send(apdu::selectByFid(0x011E));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().detail().find("MAC mismatch"), std::string::npos);
}

TEST(SecureChannel, ReportsTheLargestProtectedChunk) {
  ReplayTransport shortReader(testing::ApduScript{}, 261, false);
  EXPECT_EQ(SecureChannel(shortReader, appendixDSession()).maxResponseData(), 231U);
  ReplayTransport extendedReader(testing::ApduScript{}, 1026, true);
  EXPECT_EQ(SecureChannel(extendedReader, appendixDSession()).maxResponseData(), 999U);
}

TEST(SecureChannel, RefusesExtendedLengthOnAShortReader) {
  ReplayTransport card(testing::ApduScript{}, 261, false);
  SecureChannel channel(card, appendixDSession());
  auto r = channel.send(apdu::readBinary(0, 1000));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::NotSupported);
  EXPECT_EQ(card.exchanges(), 0U);
}

}  // namespace
}  // namespace onestop::emrtd
