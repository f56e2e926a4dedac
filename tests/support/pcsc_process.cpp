#include "pcsc_process.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <thread>

namespace onestop::testing {

pid_t spawnProcess(const std::vector<std::string>& argv, const std::filesystem::path& log) {
  // Everything the child needs is prepared before fork: only async-signal-safe calls after it.
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const std::string logPath = log.string();
  const pid_t pid = fork();
  if (pid != 0) return pid;  // parent (or -1)
  (void)setsid();
  const int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
  const int out = open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (in >= 0) (void)dup2(in, STDIN_FILENO);
  if (out >= 0) {
    (void)dup2(out, STDOUT_FILENO);
    (void)dup2(out, STDERR_FILENO);
  }
  execvp(args[0], args.data());
  _exit(127);
}

bool processAlive(pid_t pid) {
  if (pid <= 0) return false;
  int status = 0;
  return waitpid(pid, &status, WNOHANG) == 0;
}

bool stopProcess(pid_t pid, int signal, std::chrono::milliseconds grace) {
  if (pid <= 0) return true;
  int status = 0;
  if (waitpid(pid, &status, WNOHANG) == pid) return true;  // already gone: reaped now
  (void)kill(pid, signal);
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid, &status, WNOHANG) == pid) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  (void)kill(pid, SIGKILL);
  (void)waitpid(pid, &status, 0);
  return false;
}

int runProcess(const std::vector<std::string>& argv, const std::filesystem::path& log) {
  const pid_t pid = spawnProcess(argv, log);
  if (pid < 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) != pid) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace onestop::testing
