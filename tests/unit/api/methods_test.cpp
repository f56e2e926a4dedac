// The handlers of host/api/methods/, through the dispatcher, as a client sees them.
#include <gtest/gtest.h>

#include "fakes.hpp"
#include "onestop/api/dispatcher.hpp"
#include "onestop/api/event_hub.hpp"

namespace onestop::api {
namespace {

class MethodsTest : public ::testing::Test {
 protected:
  MethodsTest() {
    catalog.devicesList = {testing::simulatorReader(true)};
    plugins::DeviceSnapshot printer;
    printer.id = "simulator/printer-0";
    printer.pluginId = "simulator";
    printer.kind = plugins::DeviceKind::Printer;
    printer.name = "Simulated printer";
    catalog.devicesList.push_back(printer);
    plugins::PluginReport good;
    good.id = "simulator";
    good.state = plugins::PluginReport::State::Loaded;
    catalog.reports = {good};
    registerAllMethods(registry, ProductInfo{"1.2.3", std::chrono::system_clock::now()}, catalog);
  }

  Json call(const std::string& method, const Json& params = Json::object()) {
    const auto text = Json{{"jsonrpc", "2.0"}, {"id", 1}, {"method", method}, {"params", params}};
    return Json::parse(*dispatcher.handle(text.dump(), *session));
  }

  testing::FakeCatalog catalog;
  MethodRegistry registry;
  Dispatcher dispatcher{registry, Dispatcher::Limits{}};
  std::shared_ptr<testing::RecordingSink> sink = std::make_shared<testing::RecordingSink>();
  std::shared_ptr<Session> session = testing::makeSession(1, sink);
};

TEST_F(MethodsTest, HelloNegotiatesTheSupportedVersion) {
  const auto reply = call("system.hello", {{"client", "test"}, {"apiVersions", {"0.9", "1.0"}}});
  EXPECT_EQ(reply["result"]["apiVersion"], "1.0");
  EXPECT_EQ(reply["result"]["version"], "1.2.3");
  EXPECT_EQ(session->negotiatedApiVersion(), "1.0");
}

TEST_F(MethodsTest, HelloWithoutACommonVersionIsUnsupportedApiVersion) {
  const auto reply = call("system.hello", {{"apiVersions", {"2.0"}}});
  EXPECT_EQ(reply["error"]["data"]["reason"], "UNSUPPORTED_API_VERSION");
}

TEST_F(MethodsTest, InfoReportsVersionAndPid) {
  const auto reply = call("system.info");
  EXPECT_EQ(reply["result"]["version"], "1.2.3");
  EXPECT_GT(reply["result"]["pid"].get<int>(), 0);
}

TEST_F(MethodsTest, HealthIsDegradedWhenAPluginFailed) {
  EXPECT_EQ(call("system.health")["result"]["status"], "ok");
  plugins::PluginReport bad;
  bad.id = "broken";
  bad.reason = "ABI_MISMATCH";
  catalog.reports.push_back(bad);
  const auto reply = call("system.health");
  EXPECT_EQ(reply["result"]["status"], "degraded");
  EXPECT_EQ(reply["result"]["checks"]["plugins"]["failed"], 1);
}

TEST_F(MethodsTest, DevicesListFiltersByKind) {
  EXPECT_EQ(call("devices.list")["result"]["devices"].size(), 2u);
  const auto readers = call("devices.list", {{"kind", "reader"}})["result"]["devices"];
  ASSERT_EQ(readers.size(), 1u);
  EXPECT_EQ(readers[0]["id"], "simulator/reader-0");
  EXPECT_EQ(readers[0]["cardPresent"], true);
  EXPECT_EQ(call("devices.list", {{"kind", "camera"}})["error"]["code"], -32602);
}

TEST_F(MethodsTest, AdminPluginsShowsRefusalReason) {
  plugins::PluginReport bad;
  bad.id = "broken";
  bad.reason = "MISSING_SYMBOL";
  bad.detail = "onestop_plugin_entry not exported";
  catalog.reports.push_back(bad);
  const auto plugins = call("admin.plugins")["result"]["plugins"];
  ASSERT_EQ(plugins.size(), 2u);
  EXPECT_EQ(plugins[1]["state"], "failed");
  EXPECT_EQ(plugins[1]["reason"], "MISSING_SYMBOL");
}

TEST_F(MethodsTest, SubscribeAcceptsEventsAndFamiliesButNotUnknownTopics) {
  EXPECT_EQ(call("events.subscribe", {{"topics", {"card.*", "device.added"}}})["result"]["topics"],
            Json({"card.*", "device.added"}));
  EXPECT_EQ(call("events.subscribe", {{"topics", {"weather.*"}}})["error"]["data"]["reason"],
            "VALIDATION_FAILED");
  EXPECT_EQ(call("events.unsubscribe", {{"topics", {"card.*"}}})["result"]["topics"],
            Json({"device.added"}));
}

TEST_F(MethodsTest, SimulatorInsertCardRoutesToTheSimulatorPlugin) {
  catalog.controlReply = std::string(R"({"reader":"reader-0","atr":"3B8080"})");
  const auto reply = call("admin.simulator.insertCard", {{"card", "echo"}});
  EXPECT_EQ(reply["result"], Json::parse(R"({"reader":"simulator/reader-0","atr":"3B8080"})"));
  ASSERT_EQ(catalog.controlCalls.size(), 1u);
  EXPECT_EQ(catalog.controlCalls[0].first, "simulator");
  EXPECT_EQ(Json::parse(catalog.controlCalls[0].second),
            Json::parse(R"({"command":"insertCard","reader":"reader-0","card":"echo"})"));
}

TEST_F(MethodsTest, SimulatorControlsRefuseOtherPluginsDevices) {
  const auto reply = call("admin.simulator.removeCard", {{"reader", "pcsc/acr-0"}});
  EXPECT_EQ(reply["error"]["data"]["reason"], "DEVICE_NOT_FOUND");
  EXPECT_TRUE(catalog.controlCalls.empty());
}

TEST_F(MethodsTest, SimulatorPluginErrorsKeepTheirReason) {
  catalog.controlReply = Error(Reason::PluginNotFound, "simulator not loaded");
  EXPECT_EQ(call("admin.simulator.removeCard")["error"]["data"]["reason"], "PLUGIN_NOT_FOUND");
}

TEST_F(MethodsTest, DeviceEventsReachOnlySubscribedSessions) {
  EventHub hub;
  auto otherSink = std::make_shared<testing::RecordingSink>();
  auto other = testing::makeSession(2, otherSink);
  hub.attach(session);
  hub.attach(other);
  call("events.subscribe", {{"topics", {"card.*"}}});

  plugins::DeviceEvent inserted;
  inserted.kind = plugins::DeviceEvent::Kind::CardInserted;
  inserted.device = testing::simulatorReader(true);
  inserted.atr = {0x3B, 0x80};
  publishDeviceEvent(hub, inserted);

  ASSERT_EQ(sink->frames().size(), 1u);
  EXPECT_EQ(
      Json::parse(sink->frames()[0]),
      Json::parse(
          R"({"jsonrpc":"2.0","method":"card.inserted","params":{"reader":"simulator/reader-0","atr":"3B80"}})"));
  EXPECT_TRUE(otherSink->frames().empty());
}

TEST_F(MethodsTest, EveryMethodDeclaresAFamilyAndSchemas) {
  for (const auto* entry : registry.methods()) {
    EXPECT_FALSE(entry->spec.family.empty()) << entry->spec.name;
    EXPECT_EQ(entry->spec.paramsSchema["type"], "object") << entry->spec.name;
    EXPECT_TRUE(entry->spec.resultSchema.is_object()) << entry->spec.name;
  }
}

}  // namespace
}  // namespace onestop::api
