#include "onestop/emrtd/plain_channel.hpp"

#include <gtest/gtest.h>

#include "apdu_replay.hpp"

namespace onestop::emrtd {
namespace {

using testing::ReplayTransport;

TEST(PlainChannel, SendsTheCommandAndSplitsTheResponse) {
  ReplayTransport card(testing::parseApduScript("> 00A4040C07A0000002471001\n< 9000\n"
                                                "> 0084000008\n< 01020304050607089000\n")
                           .value());
  PlainChannel channel(card);
  EXPECT_EQ(channel.send(apdu::selectByAid(hexBytes("A0000002471001")))->sw, 0x9000);
  auto challenge = channel.send(apdu::getChallenge());
  ASSERT_TRUE(challenge.ok());
  EXPECT_EQ(toHex(challenge->data), "0102030405060708");
  EXPECT_TRUE(card.verify());
}

TEST(PlainChannel, ReturnsErrorStatusWordsAsResponses) {
  ReplayTransport card(testing::parseApduScript("> 00A4020C02010D\n< 6A82\n").value());
  PlainChannel channel(card);
  auto r = channel.send(apdu::selectByFid(0x010D));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sw, 0x6A82);
}

TEST(PlainChannel, RefusesExtendedLengthOnAShortReader) {
  ReplayTransport card(testing::ApduScript{}, 261, false);
  PlainChannel channel(card);
  auto r = channel.send(apdu::readBinary(0, 1000));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::NotSupported);
  EXPECT_EQ(card.exchanges(), 0U);
}

TEST(PlainChannel, RefusesCommandsLongerThanTheReaderCarries) {
  ReplayTransport card(testing::ApduScript{}, 64, true);
  PlainChannel channel(card);
  EXPECT_FALSE(channel.send(apdu::externalAuthenticate(Bytes(100, 0), 0)).ok());
}

TEST(PlainChannel, ReportsResponseSizeOfTheReader) {
  ReplayTransport shortReader(testing::ApduScript{}, 261, false);
  EXPECT_EQ(PlainChannel(shortReader).maxResponseData(), 256U);
  ReplayTransport smallReader(testing::ApduScript{}, 130, false);
  EXPECT_EQ(PlainChannel(smallReader).maxResponseData(), 128U);
  ReplayTransport extendedReader(testing::ApduScript{}, 65546, true);
  EXPECT_EQ(PlainChannel(extendedReader).maxResponseData(), 65536U);
}

TEST(PlainChannel, PassesTransportFaultsOn) {
  ReplayTransport card(testing::parseApduScript("> 0084000008\n< 01020304050607089000\n").value());
  card.removeCardAt(0);
  PlainChannel channel(card);
  auto r = channel.send(apdu::getChallenge());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::CardRemoved);
}

}  // namespace
}  // namespace onestop::emrtd
