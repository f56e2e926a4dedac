// The pcsc plugin loaded by PluginHost from its staged folder, against a private pcscd with
// vpcd and vicc (PcscFixture): readers, events, connect/transmit, card removal, pcscd restarts,
// and no handle leaks across all that.
#include <gtest/gtest.h>

#include <csignal>
#include <memory>
#include <optional>
#include <vector>

#include "onestop/plugins/plugin_host.hpp"
#include "pcsc_fixture.hpp"
#include "pcsc_test_support.hpp"

namespace onestop::pcsc {
namespace {

using plugins::DeviceEvent;
using testing::eventually;
using testing::kReaderId;
using Kind = DeviceEvent::Kind;

const std::vector<std::uint8_t> kGetChallenge{0x00, 0x84, 0x00, 0x00, 0x08};
const std::vector<std::uint8_t> kSelectMf{0x00, 0xA4, 0x00, 0x0C, 0x02, 0x3F, 0x00};

class PcscPlugin : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const auto why = onestop::testing::PcscFixture::unavailableReason()) GTEST_SKIP() << *why;
    fixture_ = std::make_unique<onestop::testing::PcscFixture>(true);
    startHost();
  }

  void startHost(std::string config = "{}") {
    plugins::PluginHostOptions options;
    options.directories = {testing::pcscPluginDir()};
    options.config["pcsc"] = std::move(config);
    options.log = logs_.function();
    host_ = std::make_unique<plugins::PluginHost>(options);
    host_->setListener(events_.listener());
  }

  [[nodiscard]] std::optional<plugins::DeviceSnapshot> reader() const {
    return host_->device(kReaderId);
  }

  // Connects and sends GET CHALLENGE; the response (8 bytes + 90 00) or an empty vector.
  std::vector<std::uint8_t> challenge() const {
    auto connection = host_->connectReader(kReaderId);
    if (!connection.ok()) return {};
    auto response = (*connection)->transmit(kGetChallenge);
    (void)(*connection)->disconnect();
    return response.ok() ? *response : std::vector<std::uint8_t>{};
  }

  testing::Events events_;
  testing::Logs logs_;
  std::unique_ptr<onestop::testing::PcscFixture> fixture_;
  std::unique_ptr<plugins::PluginHost> host_;
};

TEST_F(PcscPlugin, ListsTheVirtualReaderWithItsGlobalIdAndTheCard) {
  const auto device = reader();

  ASSERT_TRUE(device.has_value()) << fixture_->logTail();
  EXPECT_EQ(device->pluginId, "pcsc");
  EXPECT_EQ(device->localId, "Virtual PCD 00 00");
  EXPECT_TRUE(device->cardPresent);
  EXPECT_FALSE(device->simulated);
}

TEST_F(PcscPlugin, ConnectGivesTheAtrAndTransmitAnswersWithAStatusWord) {
  auto connection = host_->connectReader(kReaderId);
  ASSERT_TRUE(connection.ok()) << connection.error().detail();
  const auto& atr = (*connection)->atr();
  ASSERT_GE(atr.size(), 2u);
  EXPECT_TRUE(atr[0] == 0x3B || atr[0] == 0x3F);

  auto selected = (*connection)->transmit(kSelectMf);
  auto challenge = (*connection)->transmit(kGetChallenge);

  ASSERT_TRUE(selected.ok()) << selected.error().detail();
  EXPECT_EQ(*selected, (std::vector<std::uint8_t>{0x90, 0x00}));
  ASSERT_TRUE(challenge.ok()) << challenge.error().detail();
  ASSERT_EQ(challenge->size(), 10u);
  EXPECT_EQ((*challenge)[8], 0x90);
  EXPECT_EQ((*challenge)[9], 0x00);
  EXPECT_TRUE((*connection)->disconnect().ok());
}

TEST_F(PcscPlugin, ReportsConservativeShortApduFeaturesForTheVirtualReader) {
  auto reader = host_->reader(kReaderId);
  ASSERT_TRUE(reader.ok());

  auto features = (*reader)->features();

  ASSERT_TRUE(features.ok()) << features.error().detail();
  EXPECT_EQ(features->maxCommandApdu, 261u);
  EXPECT_EQ(features->maxResponseApdu, 258u);
  EXPECT_FALSE(features->extendedLength);
}

TEST_F(PcscPlugin, CardRemovalRaisesAnEventAndFailsTheOpenConnection) {
  auto connection = host_->connectReader(kReaderId);
  ASSERT_TRUE(connection.ok()) << connection.error().detail();

  fixture_->removeCard();

  EXPECT_TRUE(eventually([&] { return events_.has(Kind::CardRemoved, kReaderId); }));
  auto response = (*connection)->transmit(kGetChallenge);
  ASSERT_FALSE(response.ok());
  const auto reason = response.error().reason();
  EXPECT_TRUE(reason == Reason::CardRemoved || reason == Reason::NoCard) << reasonName(reason);
  EXPECT_FALSE(reader()->cardPresent);
  auto again = host_->connectReader(kReaderId);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason(), Reason::NoCard);
}

TEST_F(PcscPlugin, ReinsertedCardRaisesCardInsertedWithTheAtr) {
  fixture_->removeCard();
  ASSERT_TRUE(eventually([&] { return events_.has(Kind::CardRemoved, kReaderId); }));
  const std::size_t mark = events_.count();

  fixture_->insertCard();

  std::vector<std::uint8_t> atr;
  EXPECT_TRUE(eventually([&] { return events_.has(Kind::CardInserted, kReaderId, mark, &atr); }));
  EXPECT_GE(atr.size(), 2u);
  EXPECT_TRUE(reader()->cardPresent);
  EXPECT_EQ(challenge().size(), 10u);
}

TEST_F(PcscPlugin, ReaderDisappearsWhenPcscdIsKilledAndComesBackWhenItRestarts) {
  fixture_->stopPcscd(SIGKILL);

  EXPECT_TRUE(eventually([&] { return events_.has(Kind::DeviceRemoved, kReaderId); }));
  EXPECT_FALSE(reader().has_value());
  EXPECT_FALSE(host_->connectReader(kReaderId).ok());
  const std::size_t mark = events_.count();

  fixture_->startPcscd();

  EXPECT_TRUE(eventually([&] { return events_.has(Kind::DeviceAdded, kReaderId, mark); },
                         std::chrono::seconds(5)));
  EXPECT_TRUE(eventually([&] { return reader().has_value() && reader()->cardPresent; }));
  EXPECT_EQ(challenge().size(), 10u);
}

TEST_F(PcscPlugin, LeaksNoHandlesAcrossRemovalsAndPcscdRestarts) {
  ASSERT_EQ(challenge().size(), 10u);
  const std::size_t baseline = testing::openFileDescriptors();

  for (int round = 0; round < 3; ++round) {
    auto open = host_->connectReader(kReaderId);  // left open while pcscd dies
    ASSERT_TRUE(open.ok()) << open.error().detail();
    fixture_->removeCard();
    fixture_->insertCard();
    fixture_->stopPcscd(round % 2 == 0 ? SIGKILL : SIGTERM);
    ASSERT_TRUE(eventually([&] { return !reader().has_value(); }));
    EXPECT_FALSE((*open)->transmit(kGetChallenge).ok());
    (void)(*open)->disconnect();
    fixture_->startPcscd();
    ASSERT_TRUE(eventually([&] { return reader().has_value() && reader()->cardPresent; }));
    ASSERT_EQ(challenge().size(), 10u);
  }

  EXPECT_LE(testing::openFileDescriptors(), baseline);
}

TEST_F(PcscPlugin, ReconnectsTransparentlyAfterAnotherConnectionResetTheCard) {
  auto first = host_->connectReader(kReaderId);
  auto second = host_->connectReader(kReaderId);
  ASSERT_TRUE(first.ok() && second.ok());

  ASSERT_TRUE((*first)->disconnect(plugins::Disposition::Reset).ok());
  auto response = (*second)->transmit(kGetChallenge);

  ASSERT_TRUE(response.ok()) << response.error().detail();
  EXPECT_EQ(response->size(), 10u);
  EXPECT_TRUE(logs_.contains("card was reset by another application"));
}

TEST_F(PcscPlugin, FindsTheReaderWhenPcscdStartsAfterThePlugin) {
  host_.reset();
  fixture_->stopPcscd(SIGTERM);
  startHost();
  EXPECT_FALSE(reader().has_value());

  fixture_->startPcscd();

  EXPECT_TRUE(eventually([&] { return events_.has(Kind::DeviceAdded, kReaderId); }));
  EXPECT_TRUE(eventually([&] { return reader().has_value() && reader()->cardPresent; }));
  EXPECT_EQ(challenge().size(), 10u);
}

TEST_F(PcscPlugin, ReaderFilterHidesReadersWhoseNameDoesNotMatch) {
  startHost(R"({"readerFilter":"no such reader"})");

  EXPECT_FALSE(reader().has_value());
  EXPECT_TRUE(host_->devices().empty());
}

}  // namespace
}  // namespace onestop::pcsc
