#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace onestop::testing {

// A real onestopd started by the test: port 0, a fresh runtime dir, stopped by PID.
class DaemonProcess {
 public:
  struct Result {
    int exitCode = -1;
    std::string out, err;
  };

  // Runs onestopd to completion (for --help, bad configs, busy ports).
  static Result runToExit(const std::vector<std::string>& args,
                          std::chrono::seconds timeout = std::chrono::seconds(20));

  // `stateDir` empty: a fresh one that goes with the process; else that directory, kept (a
  // restart on the same database).
  explicit DaemonProcess(std::vector<std::string> extraArgs = {}, std::string config = testConfig(),
                         std::filesystem::path stateDir = {});
  ~DaemonProcess();
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }
  [[nodiscard]] const std::string& token() const { return token_; }
  [[nodiscard]] const std::filesystem::path& runtimeDir() const { return runtimeDir_; }
  [[nodiscard]] int pid() const { return pid_; }
  // SIGTERM, then waits; returns the exit code (or -signal).
  int stop(std::chrono::seconds timeout = std::chrono::seconds(15));
  [[nodiscard]] std::string stderrText() const;

  static std::string binary();
  static std::string testConfig();

 private:
  std::filesystem::path runtimeDir_;
  std::filesystem::path errFile_;
  int pid_ = -1;
  std::uint16_t port_ = 0;
  std::string token_;
};

}  // namespace onestop::testing
