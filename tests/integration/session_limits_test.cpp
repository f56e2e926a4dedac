// Liveness and idleness of sessions against a real daemon with short timers.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "daemon_process.hpp"
#include "onestop/ctl/rpc_client.hpp"

namespace onestop::testing {
namespace {

using api::Json;
using ctl::RpcClient;

std::filesystem::path shortTimerConfig() {
  std::ifstream in(DaemonProcess::testConfig());
  Json config = Json::parse(in);
  config["server"]["idleTimeoutSeconds"] = 5;
  config["server"]["pingIntervalSeconds"] = 1;
  const auto path = std::filesystem::temp_directory_path() /
                    ("onestop-short-timers-" + std::to_string(::getpid()) + ".json");
  std::ofstream(path) << config.dump();
  return path;
}

TEST(SessionLimits, SilentSessionIsClosedAsIdleButAListeningOneStays) {
  const auto config = shortTimerConfig();
  DaemonProcess daemon({}, config.string());
  RpcClient::Options options;
  options.port = daemon.port();
  options.token = daemon.token();
  auto silent = RpcClient::connect(options);
  auto listening = RpcClient::connect(options);
  ASSERT_TRUE(silent && listening);
  ASSERT_TRUE((*silent)->call("system.hello", {{"apiVersions", {"1.0"}}}));
  ASSERT_TRUE((*listening)->call("events.subscribe", {{"topics", {"card.*"}}}));

  // Both keep reading (and so answer pings); only the one without subscriptions is idle.
  Result<Json> silentOutcome = Error(Reason::Internal);
  std::thread waiter([&] { silentOutcome = (*silent)->nextNotification(std::chrono::seconds(9)); });
  const auto listeningOutcome = (*listening)->nextNotification(std::chrono::seconds(8));
  waiter.join();

  ASSERT_FALSE(silentOutcome);
  EXPECT_NE(silentOutcome.error().reason(), Reason::Timeout) << "the idle session was not closed";
  ASSERT_FALSE(listeningOutcome);
  EXPECT_EQ(listeningOutcome.error().reason(), Reason::Timeout)
      << listeningOutcome.error().detail();
  EXPECT_TRUE((*listening)->call("system.health"));
  std::filesystem::remove(config);
}

}  // namespace
}  // namespace onestop::testing
