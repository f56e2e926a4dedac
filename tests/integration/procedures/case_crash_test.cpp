// kill -9 of onestopd during a stream of case writes: every case the API acknowledged is there
// after a restart on the same state directory, readable (decrypts), and SQLite's integrity check
// passes.
#include <csignal>
#include <thread>

#include "procedure_test_support.hpp"

namespace onestop::testing {
namespace {

constexpr const char* kReason = "Thăm người thân";

std::string integrityCheck(const fs::path& db) {
  const auto command = "sqlite3 " + db.string() + " 'PRAGMA integrity_check' 2>&1";
  std::string out;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) out += buffer;
    ::pclose(pipe);
  }
  return out;
}

TEST(CaseCrash, KillNineDuringCaseWritesLosesNoAcknowledgedCase) {
  const auto state = fs::temp_directory_path() / ("onestop-crash-" + std::to_string(::getpid()));
  fs::create_directories(state);
  std::vector<std::string> acknowledged;
  for (int round = 0; round < 3; ++round) {
    DaemonProcess daemon({}, DaemonProcess::testConfig(), state);
    ctl::RpcClient::Options options;
    options.port = daemon.port();
    options.token = daemon.token();
    auto client = ctl::RpcClient::connect(options);
    ASSERT_TRUE(client) << client.error().detail();
    // The killer fires while writes are in flight: after a varying number of them.
    std::atomic<int> written{0};
    std::atomic<bool> writing{true};
    const int killAfter = 15 + round * 10;
    std::thread killer([&] {
      while (written.load() < killAfter && writing.load()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
      ::kill(daemon.pid(), SIGKILL);
    });
    std::string lastReply;
    for (int i = 0; i < 1000; ++i) {
      auto reply = (*client)->call("cases.create",
                                   {{"procedure", "luu-tru"}, {"form", {{"reason", kReason}}}});
      if (!reply || !reply->contains("result")) {  // the daemon is gone
        if (reply) lastReply = reply->dump();
        break;
      }
      acknowledged.push_back((*reply)["result"]["case"]["id"]);
      ++written;
    }
    writing = false;
    EXPECT_GE(written.load(), killAfter) << "writes stopped before the kill: " << lastReply;
    killer.join();
    daemon.stop();
  }
  ASSERT_GE(acknowledged.size(), 45u);
  EXPECT_EQ(integrityCheck(state / "onestop.db"), "ok\n");
  DaemonProcess after({}, DaemonProcess::testConfig(), state);
  ctl::RpcClient::Options options;
  options.port = after.port();
  options.token = after.token();
  auto client = ctl::RpcClient::connect(options);
  ASSERT_TRUE(client);
  for (const auto& id : acknowledged) {
    const auto reply = *(*client)->call("cases.get", {{"case", id}});
    ASSERT_TRUE(reply.contains("result")) << id << ": " << reply.dump();
    EXPECT_EQ(reply["result"]["case"]["form"]["reason"], kReason);
  }
  const auto audit = *(*client)->call("audit.query", {{"limit", 1}});
  EXPECT_EQ(audit["result"]["chainValid"], true);
  after.stop();
  fs::remove_all(state);
}

}  // namespace
}  // namespace onestop::testing
