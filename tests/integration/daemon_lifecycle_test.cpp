// onestopd as a process: options, config errors, busy port, clean shutdown.
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>

#include "daemon_process.hpp"
#include "onestop/ctl/rpc_client.hpp"

namespace onestop::testing {
namespace {

namespace fs = std::filesystem;

TEST(DaemonLifecycle, HelpAndVersionExitZero) {
  const auto help = DaemonProcess::runToExit({"--help"});
  EXPECT_EQ(help.exitCode, 0);
  EXPECT_NE(help.out.find("--config"), std::string::npos);
  const auto version = DaemonProcess::runToExit({"--version"});
  EXPECT_EQ(version.exitCode, 0);
  EXPECT_NE(version.out.find("onestopd "), std::string::npos);
}

TEST(DaemonLifecycle, PrintConfigShowsTheEffectiveConfiguration) {
  const auto run = DaemonProcess::runToExit(
      {"--config", DaemonProcess::testConfig(), "--port", "1234", "--print-config"});
  ASSERT_EQ(run.exitCode, 0) << run.err;
  const auto doc = api::Json::parse(run.out);
  EXPECT_EQ(doc["server"]["port"], 1234);
  EXPECT_EQ(doc["server"]["maxConnections"], 16);
}

TEST(DaemonLifecycle, BadConfigExitsNonZeroNamingTheKey) {
  const auto dir = fs::temp_directory_path() / ("onestop-badcfg-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "bad.json") << R"({"server":{"maxConnections":0}})";
  const auto run = DaemonProcess::runToExit({"--config", (dir / "bad.json").string()});
  EXPECT_EQ(run.exitCode, 78);
  EXPECT_NE(run.err.find("maxConnections"), std::string::npos) << run.err;
  const auto missing = DaemonProcess::runToExit({"--config", (dir / "absent.json").string()});
  EXPECT_EQ(missing.exitCode, 78);
  EXPECT_NE(missing.err.find("absent.json"), std::string::npos);
  fs::remove_all(dir);
}

TEST(DaemonLifecycle, BusyPortExitsNonZeroWithAClearMessage) {
  DaemonProcess first;
  const auto dir = fs::temp_directory_path() / ("onestop-busy-" + std::to_string(::getpid()));
  const auto run =
      DaemonProcess::runToExit({"--config", DaemonProcess::testConfig(), "--port",
                                std::to_string(first.port()), "--runtime-dir", dir.string()});
  EXPECT_EQ(run.exitCode, 69);
  EXPECT_NE(run.err.find("cannot listen on 127.0.0.1:" + std::to_string(first.port())),
            std::string::npos)
      << run.err;
  fs::remove_all(dir);
}

TEST(DaemonLifecycle, SigtermClosesSessionsAndLeavesNothingBehind) {
  DaemonProcess daemon;
  ctl::RpcClient::Options options;
  options.port = daemon.port();
  options.token = daemon.token();
  auto client = ctl::RpcClient::connect(options);
  ASSERT_TRUE(client) << client.error().detail();
  ASSERT_TRUE((*client)->call("system.health"));

  EXPECT_EQ(daemon.stop(), 0) << daemon.stderrText();
  EXPECT_FALSE(fs::exists(daemon.runtimeDir() / "port"));
  EXPECT_FALSE(fs::exists(daemon.runtimeDir() / "token"));
  // The session was closed by the daemon and the port no longer listens.
  EXPECT_FALSE((*client)->call("system.health"));
  EXPECT_FALSE(ctl::RpcClient::connect(options));
  EXPECT_NE(daemon.stderrText().find("stopped"), std::string::npos);
}

TEST(DaemonLifecycle, LogsAreJsonLinesWithoutRequestBodies) {
  DaemonProcess daemon;
  ctl::RpcClient::Options options;
  options.port = daemon.port();
  options.token = daemon.token();
  auto client = ctl::RpcClient::connect(options);
  ASSERT_TRUE(client);
  // A body that must never reach the log, even when the call fails validation.
  (void)(*client)->call("devices.list", {{"kind", "NGUYEN VAN AN 001095012345"}});
  (void)(*client)->call("admin.simulator.insertCard", {{"reader", "simulator/001095012345"}});
  (*client)->close();
  ASSERT_EQ(daemon.stop(), 0);
  const auto log = daemon.stderrText();
  EXPECT_EQ(log.find("001095012345"), std::string::npos);
  EXPECT_EQ(log.find("NGUYEN"), std::string::npos);
  std::istringstream lines(log);
  std::string line;
  int parsed = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    EXPECT_FALSE(api::Json::parse(line, nullptr, false).is_discarded()) << line;
    ++parsed;
  }
  EXPECT_GT(parsed, 2);
}

}  // namespace
}  // namespace onestop::testing
