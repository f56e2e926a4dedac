#include "daemon_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace onestop::testing {
namespace fs = std::filesystem;
namespace {

std::string readFile(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

fs::path makeTempDir() {
  std::string tmpl = (fs::temp_directory_path() / "onestop-it-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  return tmpl;
}

int spawn(const std::vector<std::string>& args, const fs::path& out, const fs::path& err) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  const int o = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int e = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ::dup2(o, 1);
  ::dup2(e, 2);
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execv(argv[0], argv.data());
  ::_exit(127);
}

int waitFor(int pid, std::chrono::seconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return -1000;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

}  // namespace

std::string DaemonProcess::binary() {
  const char* env = std::getenv("ONESTOPD");
  return env != nullptr ? env : ONESTOP_DEFAULT_ONESTOPD;
}

std::string DaemonProcess::testConfig() {
  const char* env = std::getenv("ONESTOP_TEST_CONFIG");
  return env != nullptr ? env : ONESTOP_DEFAULT_TEST_CONFIG;
}

DaemonProcess::Result DaemonProcess::runToExit(const std::vector<std::string>& args,
                                               std::chrono::seconds timeout) {
  const auto dir = makeTempDir();
  std::vector<std::string> argv{binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  const int pid = spawn(argv, dir / "out", dir / "err");
  Result result;
  result.exitCode = waitFor(pid, timeout);
  result.out = readFile(dir / "out");
  result.err = readFile(dir / "err");
  fs::remove_all(dir);
  return result;
}

DaemonProcess::DaemonProcess(std::vector<std::string> extraArgs, std::string config,
                             std::filesystem::path stateDir) {
  const auto dir = makeTempDir();
  runtimeDir_ = dir / "run";
  errFile_ = dir / "stderr";
  std::vector<std::string> argv{binary(),
                                "--config",
                                std::move(config),
                                "--port",
                                "0",
                                "--runtime-dir",
                                runtimeDir_.string(),
                                "--state-dir",
                                (stateDir.empty() ? dir / "state" : stateDir).string(),
                                "--trust-dirs",
                                ONESTOP_DEFAULT_TEST_CARDS "/trust"};
  argv.insert(argv.end(), extraArgs.begin(), extraArgs.end());
  pid_ = spawn(argv, dir / "stdout", errFile_);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("onestopd exited during start-up: " + readFile(errFile_));
    }
    std::ifstream portFile(runtimeDir_ / "port");
    unsigned port = 0;
    if (portFile >> port && port > 0) {
      port_ = static_cast<std::uint16_t>(port);
      std::ifstream(runtimeDir_ / "token") >> token_;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  stop();
  throw std::runtime_error("onestopd did not publish its port within 20 s");
}

DaemonProcess::~DaemonProcess() {
  if (pid_ > 0) stop();
  fs::remove_all(runtimeDir_.parent_path());
}

int DaemonProcess::stop(std::chrono::seconds timeout) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  const int code = waitFor(pid_, timeout);
  pid_ = -1;
  return code;
}

std::string DaemonProcess::stderrText() const {
  return readFile(errFile_);
}

}  // namespace onestop::testing
