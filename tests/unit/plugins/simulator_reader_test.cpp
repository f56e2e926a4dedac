// The simulator plugin's virtual reader, driven through PluginHost like the daemon drives it.
#include <gtest/gtest.h>

#include <ostream>

#include <nlohmann/json.hpp>

#include "simulator_support.hpp"

namespace onestop::plugins {
namespace {

using Bytes = std::vector<std::uint8_t>;
constexpr const char* kReader = "simulator/reader-0";
constexpr const char* kInsertEcho = R"({"command":"insertCard","reader":"reader-0","card":"echo"})";

TEST(SimulatorReader, StartsWithAnEmptyReaderAScannerAndAPrinter) {
  testing::SimulatorHost sim;

  const auto devices = sim.host().devices();

  ASSERT_EQ(devices.size(), 3u);
  EXPECT_EQ(devices[0].id, "simulator/printer-0");
  EXPECT_EQ(devices[1].id, kReader);
  EXPECT_FALSE(devices[1].cardPresent);
  EXPECT_TRUE(devices[1].simulated);
  EXPECT_EQ(devices[2].id, "simulator/scanner-0");
}

TEST(SimulatorReader, AnswersNoCardWhenEmpty) {
  testing::SimulatorHost sim;

  auto connection = sim.host().connectReader(kReader);

  ASSERT_FALSE(connection.ok());
  EXPECT_EQ(connection.error().reason(), Reason::NoCard);
}

TEST(SimulatorReader, InsertConnectTransmitRemoveThenNoCard) {
  testing::SimulatorHost sim;

  auto inserted = sim.host().control("simulator", kInsertEcho);
  ASSERT_TRUE(inserted.ok()) << inserted.error().detail();
  EXPECT_EQ(nlohmann::json::parse(*inserted),
            nlohmann::json::parse(R"({"reader":"reader-0","card":"echo","atr":"3B80800101"})"));
  auto connection = sim.host().connectReader(kReader);
  ASSERT_TRUE(connection.ok()) << connection.error().detail();
  EXPECT_EQ((*connection)->atr(), (Bytes{0x3B, 0x80, 0x80, 0x01, 0x01}));

  auto select = (*connection)->transmit(Bytes{0x00, 0xA4, 0x04, 0x0C, 0x02, 0x3F, 0x00});
  auto challenge = (*connection)->transmit(Bytes{0x00, 0x84, 0x00, 0x00, 0x08});
  auto unknown = (*connection)->transmit(Bytes{0x00, 0xB0, 0x00, 0x00, 0x10});
  ASSERT_TRUE(select.ok() && challenge.ok() && unknown.ok());
  EXPECT_EQ(*select, (Bytes{0x90, 0x00}));
  ASSERT_EQ(challenge->size(), 10u);
  EXPECT_EQ((Bytes{(*challenge)[8], (*challenge)[9]}), (Bytes{0x90, 0x00}));
  EXPECT_EQ(*unknown, (Bytes{0x6D, 0x00}));

  ASSERT_TRUE(sim.host().control("simulator", R"({"command":"removeCard"})").ok());
  auto afterRemoval = (*connection)->transmit(Bytes{0x00, 0xA4, 0x04, 0x00});
  auto reconnect = sim.host().connectReader(kReader);

  EXPECT_EQ(afterRemoval.error().reason(), Reason::CardRemoved);
  EXPECT_EQ(reconnect.error().reason(), Reason::NoCard);
}

TEST(SimulatorReader, RaisesCardEventsWithTheAtr) {
  testing::SimulatorHost sim;

  ASSERT_TRUE(sim.host().control("simulator", kInsertEcho).ok());
  ASSERT_TRUE(sim.host().control("simulator", R"({"command":"removeCard"})").ok());

  const auto events = sim.events().events();
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, DeviceEvent::Kind::CardInserted);
  EXPECT_EQ(events[0].device.id, kReader);
  EXPECT_TRUE(events[0].device.cardPresent);
  EXPECT_EQ(events[0].atr, (Bytes{0x3B, 0x80, 0x80, 0x01, 0x01}));
  EXPECT_EQ(events[1].kind, DeviceEvent::Kind::CardRemoved);
  EXPECT_FALSE(sim.host().device(kReader)->cardPresent);
}

TEST(SimulatorReader, SeesAReinsertedCardAsANewCard) {
  testing::SimulatorHost sim;
  ASSERT_TRUE(sim.host().control("simulator", kInsertEcho).ok());
  auto first = sim.host().connectReader(kReader);
  ASSERT_TRUE(first.ok());

  ASSERT_TRUE(sim.host().control("simulator", kInsertEcho).ok());  // out and in again

  EXPECT_EQ((*first)->transmit(Bytes{0x00, 0xA4, 0x04, 0x00}).error().reason(),
            Reason::CardRemoved);
}

TEST(SimulatorReader, ReportsExtendedLengthFeatures) {
  testing::SimulatorHost sim;

  auto reader = sim.host().reader(kReader);
  ASSERT_TRUE(reader.ok());
  auto features = (*reader)->features();

  ASSERT_TRUE(features.ok());
  EXPECT_TRUE(features->extendedLength);
  EXPECT_GE(features->maxResponseApdu, 65538u);
}

// The build stages tests/data/cards into <plugin folder>/cards: a card folder's name inserts a
// CCCD chip with real status words.
TEST(SimulatorReader, ServesAStagedCccdCardByName) {
  testing::SimulatorHost sim;

  auto inserted = sim.host().control("simulator", R"({"command":"insertCard","card":"an-2021"})");
  ASSERT_TRUE(inserted.ok()) << inserted.error().detail();
  auto connection = sim.host().connectReader(kReader);
  ASSERT_TRUE(connection.ok()) << connection.error().detail();
  auto selectApp =
      (*connection)
          ->transmit(Bytes{0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01});
  auto readDg1 = (*connection)->transmit(Bytes{0x00, 0xB0, 0x81, 0x00, 0x04});
  auto status = sim.host().control("simulator", R"({"command":"status"})");

  ASSERT_TRUE(selectApp.ok() && readDg1.ok() && status.ok());
  EXPECT_EQ(*selectApp, (Bytes{0x90, 0x00}));
  EXPECT_EQ(*readDg1, (Bytes{0x69, 0x82})) << "DG1 before BAC";
  const auto doc = nlohmann::json::parse(*status);
  EXPECT_EQ(doc["readers"][0]["card"], "an-2021");
  EXPECT_EQ(doc["readers"][0]["cardStatus"]["failedAuthentications"], 0);
}

TEST(SimulatorReader, StartsWithTheConfiguredCardAndReaderCount) {
  testing::SimulatorHost sim(R"("readers":2,"insertedCard":"echo")");

  EXPECT_TRUE(sim.host().device("simulator/reader-0")->cardPresent);
  EXPECT_FALSE(sim.host().device("simulator/reader-1")->cardPresent);
  EXPECT_TRUE(sim.host().connectReader(kReader).ok());
}

TEST(SimulatorReader, RefusesToStartWithAnUnknownConfiguredCard) {
  testing::SimulatorHost sim(R"("insertedCard":"nope")");

  EXPECT_EQ(sim.host().plugins().at(0).reason, "INIT_FAILED");
}

struct BadControl {
  const char* name;
  const char* request;
  Reason reason;
  const char* errorMentions;
  friend void PrintTo(const BadControl& c, std::ostream* os) { *os << c.name; }
};

class SimulatorControlRejects : public ::testing::TestWithParam<BadControl> {};

TEST_P(SimulatorControlRejects, WithAJsonErrorText) {
  testing::SimulatorHost sim;

  auto reply = sim.host().control("simulator", GetParam().request);

  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.error().reason(), GetParam().reason);
  const auto error = nlohmann::json::parse(reply.error().detail(), nullptr, false);
  ASSERT_TRUE(error.is_object()) << reply.error().detail();
  EXPECT_NE(error.value("error", "").find(GetParam().errorMentions), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Requests, SimulatorControlRejects,
    ::testing::Values(
        BadControl{"UnknownCommand", R"({"command":"explode"})", Reason::ValidationFailed,
                   "unknown command"},
        BadControl{"UnknownCard", R"({"command":"insertCard","card":"gold"})",
                   Reason::ValidationFailed, "unknown card model"},
        BadControl{"CccdWithoutFolder", R"({"command":"insertCard","card":"cccd"})",
                   Reason::ValidationFailed, "folder"},
        BadControl{"NotJson", "insert please", Reason::ValidationFailed, "not a JSON object"},
        BadControl{"UnknownReader", R"({"command":"insertCard","reader":"reader-7","card":"echo"})",
                   Reason::DeviceNotFound, "reader-7"}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });

TEST(SimulatorControl, ReportsStatusWithCardModels) {
  testing::SimulatorHost sim;
  ASSERT_TRUE(sim.host().control("simulator", kInsertEcho).ok());

  auto reply = sim.host().control("simulator", R"({"command":"status"})");

  ASSERT_TRUE(reply.ok());
  const auto status = nlohmann::json::parse(*reply);
  EXPECT_EQ(status["readers"][0]["card"], "echo");
  EXPECT_EQ(status["cardModels"], nlohmann::json::array({"echo", "cccd"}));
}

}  // namespace
}  // namespace onestop::plugins
