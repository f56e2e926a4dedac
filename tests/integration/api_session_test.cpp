// A real daemon over a real WebSocket: hello, discover, devices, events, limits.
#include <gtest/gtest.h>

#include "daemon_process.hpp"
#include "onestop/ctl/rpc_client.hpp"

namespace onestop::testing {
namespace {

using api::Json;
using ctl::RpcClient;

class ApiSession : public ::testing::Test {
 protected:
  std::unique_ptr<RpcClient> connect(std::optional<std::string> origin = std::nullopt) {
    RpcClient::Options options;
    options.port = daemon.port();
    if (origin) {
      options.origin = origin;
    } else {
      options.token = daemon.token();
    }
    auto client = RpcClient::connect(options);
    if (!client) throw std::runtime_error(client.error().detail());
    return std::move(client).value();
  }

  DaemonProcess daemon;
};

TEST_F(ApiSession, HelloDiscoverAndDevicesRoundTrip) {
  auto client = connect();
  const auto hello = *client->call("system.hello", {{"apiVersions", {"1.0"}}});
  EXPECT_EQ(hello["result"]["apiVersion"], "1.0");
  const auto doc = *client->call("rpc.discover");
  EXPECT_EQ(doc["result"]["openrpc"], "1.2.6");
  const auto devices = (*client->call("devices.list"))["result"]["devices"];
  std::set<std::string> kinds;
  for (const auto& d : devices) kinds.insert(d["kind"].get<std::string>());
  EXPECT_EQ(kinds, (std::set<std::string>{"reader", "scanner", "printer"})) << devices.dump();
  const auto plugins = (*client->call("admin.plugins"))["result"]["plugins"];
  ASSERT_FALSE(plugins.empty());
  bool simulatorLoaded = false;
  for (const auto& plugin : plugins) {
    if (plugin["id"] == "simulator") simulatorLoaded = plugin["state"] == "loaded";
  }
  EXPECT_TRUE(simulatorLoaded) << plugins.dump();
}

TEST_F(ApiSession, CardEventsReachOnlyTheSubscribedSession) {
  auto watcher = connect("http://app.test.example:8080");
  auto bystander = connect();
  auto admin = connect();
  ASSERT_EQ((*watcher->call("events.subscribe", {{"topics", {"card.*"}}}))["result"]["topics"],
            Json({"card.*"}));
  (void)*bystander->call("events.subscribe", {{"topics", {"device.*"}}});

  const auto inserted = *admin->call("admin.simulator.insertCard", Json::object());
  ASSERT_TRUE(inserted.contains("result")) << inserted.dump();
  auto event = watcher->nextNotification(std::chrono::seconds(5));
  ASSERT_TRUE(event) << event.error().detail();
  EXPECT_EQ((*event)["method"], "card.inserted");
  EXPECT_EQ((*event)["params"]["reader"], "simulator/reader-0");
  EXPECT_EQ((*event)["params"]["atr"], inserted["result"]["atr"]);

  const auto reader = (*admin->call("devices.list", {{"kind", "reader"}}))["result"]["devices"][0];
  EXPECT_EQ(reader["cardPresent"], true);

  (void)*admin->call("admin.simulator.removeCard", Json::object());
  event = watcher->nextNotification(std::chrono::seconds(5));
  ASSERT_TRUE(event);
  EXPECT_EQ((*event)["method"], "card.removed");

  EXPECT_FALSE(bystander->nextNotification(std::chrono::milliseconds(300)));
  EXPECT_FALSE(admin->nextNotification(std::chrono::milliseconds(100)));
}

TEST_F(ApiSession, OriginLimitedToSomeFamiliesIsDeniedTheRest) {
  auto reports = connect("http://reports.test.example:8080");
  EXPECT_TRUE((*reports->call("system.info")).contains("result"));
  const auto denied = *reports->call("devices.list");
  EXPECT_EQ(denied["error"]["data"]["reason"], "PERMISSION_DENIED");
}

TEST_F(ApiSession, MalformedFramesGetProtocolErrorsAndTheSessionSurvives) {
  auto client = connect();
  auto reply = client->exchange("{\"jsonrpc\":");
  ASSERT_TRUE(reply);
  EXPECT_EQ(Json::parse(*reply)["error"]["code"], -32700);
  reply = client->exchange(
      R"([{"jsonrpc":"2.0","method":"system.info"},{"jsonrpc":"2.0","id":5,"method":"nope"}])");
  ASSERT_TRUE(reply);
  const auto batch = Json::parse(*reply);
  ASSERT_TRUE(batch.is_array());
  ASSERT_EQ(batch.size(), 1u);
  EXPECT_EQ(batch[0]["id"], 5);
  EXPECT_EQ(batch[0]["error"]["code"], -32601);
  EXPECT_TRUE((*client->call("system.health")).contains("result"));
}

}  // namespace
}  // namespace onestop::testing
