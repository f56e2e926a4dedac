// API round trip against a real onestopd, reported as a ratio to the bare echo server measured in
// the same run; plus the daemon's start-to-ready time and idle RSS. Run by scripts/bench.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>
#include <vector>

#include "daemon_process.hpp"
#include "onestop/ctl/rpc_client.hpp"

namespace {

namespace fs = std::filesystem;
using onestop::api::Json;
using onestop::ctl::RpcClient;
using Clock = std::chrono::steady_clock;

struct Stats {
  double p50us = 0, p99us = 0, perSecond = 0;
  std::size_t errors = 0, count = 0;
};

// `clients` connections, each sending `text` and waiting for the reply, for `duration`.
Stats measure(std::uint16_t port, const std::string& token, std::size_t clients,
              const std::string& text, std::chrono::milliseconds duration) {
  std::vector<std::vector<double>> samples(clients);
  std::atomic<std::size_t> errors{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < clients; ++i) {
    threads.emplace_back([&, i] {
      RpcClient::Options options;
      options.port = port;
      options.token = token;
      auto client = RpcClient::connect(options);
      if (!client) {
        ++errors;
        return;
      }
      while (!go) std::this_thread::yield();
      const auto end = Clock::now() + duration;
      while (Clock::now() < end) {
        const auto start = Clock::now();
        auto reply = (*client)->exchange(text);
        const auto us = std::chrono::duration<double, std::micro>(Clock::now() - start).count();
        if (!reply || reply->find("\"error\"") != std::string::npos) ++errors;
        samples[i].push_back(us);
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let every client connect
  go = true;
  for (auto& t : threads) t.join();
  std::vector<double> all;
  for (auto& s : samples) all.insert(all.end(), s.begin(), s.end());
  std::sort(all.begin(), all.end());
  Stats stats;
  stats.errors = errors;
  stats.count = all.size();
  if (all.empty()) return stats;
  stats.p50us = all[all.size() / 2];
  stats.p99us = all[std::min(all.size() - 1, all.size() * 99 / 100)];
  stats.perSecond =
      static_cast<double>(all.size()) / std::chrono::duration<double>(duration).count();
  return stats;
}

long rssKiB(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  long value = 0;
  while (status >> key) {
    if (key == "VmRSS:") {
      status >> value;
      return value;
    }
  }
  return -1;
}

struct EchoServer {
  int pid = -1;
  std::uint16_t port = 0;
  fs::path portFile = fs::temp_directory_path() / ("onestop-echo-" + std::to_string(::getpid()));

  explicit EchoServer(const std::string& binary) {
    fs::remove(portFile);
    pid = ::fork();
    if (pid == 0) {
      ::execl(binary.c_str(), binary.c_str(), portFile.c_str(), nullptr);
      ::_exit(127);
    }
    for (int i = 0; i < 2000 && port == 0; ++i) {
      std::ifstream in(portFile);
      unsigned p = 0;
      if (in >> p) port = static_cast<std::uint16_t>(p);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  ~EchoServer() {
    ::kill(pid, SIGTERM);
    ::waitpid(pid, nullptr, 0);
    fs::remove(portFile);
  }
};

}  // namespace

int main(int argc, char** argv) {
  const auto seconds = argc > 1 ? std::stoi(argv[1]) : 3;
  const char* echoBinary = std::getenv("ONESTOP_ECHO_SERVER");
  if (echoBinary == nullptr) {
    std::cerr << "ONESTOP_ECHO_SERVER, ONESTOPD and ONESTOP_TEST_CONFIG must be set\n";
    return 64;
  }
  const auto duration = std::chrono::milliseconds(seconds * 1000);

  // Start-to-ready: from fork to the port file (bound, plugins loaded), best of 5.
  double readyMs = 1e9;
  for (int i = 0; i < 5; ++i) {
    const auto start = Clock::now();
    onestop::testing::DaemonProcess probe;
    readyMs =
        std::min(readyMs, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }

  onestop::testing::DaemonProcess daemon;
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const long idleRss = rssKiB(daemon.pid());
  EchoServer echo(echoBinary);

  Json results{{"readyMs", readyMs}, {"idleRssKiB", idleRss}, {"rounds", Json::array()}};
  std::printf("%-14s %7s %12s %12s %12s %12s %8s %8s %7s\n", "method", "clients", "echo p50 us",
              "echo p99 us", "api p50 us", "api p99 us", "p99 x", "tput x", "errors");
  for (const char* method : {"system.hello", "devices.list"}) {
    const Json params = std::string(method) == "system.hello"
                            ? Json{{"client", "bench"}, {"apiVersions", {"1.0"}}}
                            : Json::object();
    const auto text =
        Json{{"jsonrpc", "2.0"}, {"id", 1}, {"method", method}, {"params", params}}.dump();
    for (std::size_t clients : {1u, 50u}) {
      const auto floor = measure(echo.port, "", clients, text, duration);
      const auto api = measure(daemon.port(), daemon.token(), clients, text, duration);
      const double p99Ratio = api.p99us / floor.p99us;
      const double tputRatio = api.perSecond / floor.perSecond;
      std::printf("%-14s %7zu %12.1f %12.1f %12.1f %12.1f %8.2f %8.2f %7zu\n", method, clients,
                  floor.p50us, floor.p99us, api.p50us, api.p99us, p99Ratio, tputRatio,
                  api.errors + floor.errors);
      results["rounds"].push_back(Json{{"method", method},
                                       {"clients", clients},
                                       {"echoP50us", floor.p50us},
                                       {"echoP99us", floor.p99us},
                                       {"apiP50us", api.p50us},
                                       {"apiP99us", api.p99us},
                                       {"p99Ratio", p99Ratio},
                                       {"throughputRatio", tputRatio},
                                       {"errors", api.errors + floor.errors}});
    }
  }
  std::printf("start-to-ready: %.1f ms (best of 5)   idle RSS: %.1f MB\n", readyMs,
              static_cast<double>(idleRss) / 1024.0);
  std::ofstream("bench-results.json") << results.dump(2) << '\n';
  return 0;
}
