// PluginHost behaviour with the "good" fixture plugin: events, control routing, typed access,
// shutdown.
#include "onestop/plugins/plugin_host.hpp"

#include <gtest/gtest.h>

#include "plugin_test_support.hpp"

namespace onestop::plugins {
namespace {

using testing::fixtureDir;
using testing::optionsFor;

class PluginHostWithGoodFixture : public ::testing::Test {
 protected:
  PluginHostWithGoodFixture() : host_(optionsFor({fixtureDir("good")}, log_.function())) {
    host_.setListener(events_.listener());
  }

  testing::LogCapture log_;
  testing::EventCapture events_;
  PluginHost host_;
};

TEST_F(PluginHostWithGoodFixture, RoutesACardRemovalToTheListenerWithTheGlobalId) {
  auto reply = host_.control("good", "remove");

  ASSERT_TRUE(reply.ok()) << reply.error().detail();
  const auto events = events_.events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, DeviceEvent::Kind::CardRemoved);
  EXPECT_EQ(events[0].device.id, "good/r0");
  EXPECT_EQ(events[0].device.pluginId, "good");
  EXPECT_EQ(events[0].device.localId, "r0");
  EXPECT_FALSE(events[0].device.cardPresent);
  EXPECT_FALSE(host_.device("good/r0")->cardPresent);
}

TEST_F(PluginHostWithGoodFixture, RoutesACardInsertionWithItsAtr) {
  ASSERT_TRUE(host_.control("good", "remove").ok());

  ASSERT_TRUE(host_.control("good", "insert").ok());

  const auto events = events_.events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].kind, DeviceEvent::Kind::CardInserted);
  EXPECT_EQ(events[1].device.id, "good/r0");
  EXPECT_EQ(events[1].atr, (std::vector<std::uint8_t>{0x3B, 0x80, 0x80, 0x01, 0x01}));
  EXPECT_TRUE(host_.device("good/r0")->cardPresent);
}

TEST_F(PluginHostWithGoodFixture, AcceptsEventsFromAPluginThread) {
  ASSERT_TRUE(host_.control("good", "thread-insert").ok());

  const auto events = events_.events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, DeviceEvent::Kind::CardInserted);
  EXPECT_EQ(events[0].device.id, "good/r0");
}

TEST_F(PluginHostWithGoodFixture, FillsInAnAddedDeviceFromAReEnumeration) {
  ASSERT_TRUE(host_.control("good", "add-reader").ok());

  const auto events = events_.events();
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, DeviceEvent::Kind::DeviceAdded);
  EXPECT_EQ(events[0].device.id, "good/r1");
  EXPECT_TRUE(testing::eventually([&] {
    return host_.device("good/r1").value_or(DeviceSnapshot{}).name == "Fixture reader r1";
  }));
}

TEST_F(PluginHostWithGoodFixture, ReturnsTheControlResponseText) {
  auto reply = host_.control("good", "insert");

  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(*reply, R"({"ok":true})");
}

TEST_F(PluginHostWithGoodFixture, TurnsARejectedControlRequestIntoValidationFailedWithItsText) {
  auto reply = host_.control("good", "dance");

  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(reply.error().detail(), R"({"error":"unknown request"})");
}

TEST_F(PluginHostWithGoodFixture, AnswersPluginNotFoundForControlOnAnUnknownPlugin) {
  auto reply = host_.control("nobody", "{}");

  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().reason(), Reason::PluginNotFound);
}

TEST_F(PluginHostWithGoodFixture, ConnectsTransmitsAndDisconnects) {
  auto connection = host_.connectReader("good/r0");
  ASSERT_TRUE(connection.ok()) << connection.error().detail();

  auto response = (*connection)->transmit(std::vector<std::uint8_t>{0x00, 0xA4, 0x04, 0x00});

  ASSERT_TRUE(response.ok()) << response.error().detail();
  EXPECT_EQ(*response, (std::vector<std::uint8_t>{0x90, 0x00}));
  EXPECT_EQ((*connection)->atr(), (std::vector<std::uint8_t>{0x3B, 0x80, 0x80, 0x01, 0x01}));
  EXPECT_TRUE((*connection)->disconnect().ok());
  EXPECT_FALSE((*connection)->isOpen());
}

TEST_F(PluginHostWithGoodFixture, AnswersDeviceNotFoundForAnUnknownOrWrongKindDevice) {
  EXPECT_EQ(host_.reader("good/r9").error().reason(), Reason::DeviceNotFound);
  EXPECT_EQ(host_.scanner("good/r0").error().reason(), Reason::DeviceNotFound);
  EXPECT_EQ(host_.printer("nothing").error().reason(), Reason::DeviceNotFound);
}

TEST_F(PluginHostWithGoodFixture, FailsHandedOutConnectionsSafelyAfterShutdown) {
  auto connection = host_.connectReader("good/r0");
  ASSERT_TRUE(connection.ok());

  host_.shutdown();
  auto response = (*connection)->transmit(std::vector<std::uint8_t>{0x00, 0xA4, 0x04, 0x00});

  EXPECT_EQ(response.error().reason(), Reason::DeviceNotFound);
  EXPECT_TRUE(host_.devices().empty());
  EXPECT_TRUE(log_.contains("plugin good shut down"));
}

TEST_F(PluginHostWithGoodFixture, ReadsDevicesFromTheCacheDuringAPluginCall) {
  // The listener runs inside the plugin's emit, inside control(): devices() must not block.
  std::vector<DeviceSnapshot> seen;
  host_.setListener([&](const DeviceEvent&) { seen = host_.devices(); });

  ASSERT_TRUE(host_.control("good", "remove").ok());

  ASSERT_EQ(seen.size(), 1u);
  EXPECT_FALSE(seen[0].cardPresent);
}

TEST(PluginHost, LetsAConnectionOutliveTheHostWithoutCallingTheUnloadedPlugin) {
  std::shared_ptr<ReaderConnection> connection;
  {
    PluginHost host(optionsFor({fixtureDir("good")}));
    auto connected = host.connectReader("good/r0");
    ASSERT_TRUE(connected.ok());
    connection = *connected;
  }

  auto response = connection->transmit(std::vector<std::uint8_t>{0x00, 0xA4, 0x04, 0x00});

  EXPECT_EQ(response.error().reason(), Reason::DeviceNotFound);
  connection.reset();  // must not call disconnect in the unloaded library
}

TEST(PluginHost, ShutsDownOnDestructionAndTwiceIsHarmless) {
  testing::LogCapture log;
  {
    PluginHost host(optionsFor({fixtureDir("good")}, log.function()));
    host.shutdown();
  }
  EXPECT_TRUE(log.contains("plugin good shut down"));
}

}  // namespace
}  // namespace onestop::plugins
