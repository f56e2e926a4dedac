#include "probe.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstring>

#include "onestop/plugins/status_mapping.hpp"

namespace onestop::conformance {
namespace {

constexpr unsigned kProbeSeconds = 10;
constexpr int kThrewExit = 3;

}  // namespace

ProbeResult probe(const std::function<onestop_status()>& call) {
  ProbeResult result;
  int fds[2];
  if (pipe(fds) != 0) {
    result.problem = "cannot create a pipe";
    return result;
  }
  std::fflush(nullptr);
  const pid_t child = fork();
  if (child < 0) {
    close(fds[0]);
    close(fds[1]);
    result.problem = "cannot fork";
    return result;
  }
  if (child == 0) {
    close(fds[0]);
    alarm(kProbeSeconds);
    onestop_status status = ONESTOP_OK;
    try {
      status = call();
    } catch (...) {
      _exit(kThrewExit);
    }
    const bool written =
        write(fds[1], &status, sizeof status) == static_cast<ssize_t>(sizeof status);
    _exit(written ? 0 : 1);
  }
  close(fds[1]);
  onestop_status status = ONESTOP_OK;
  const ssize_t got = read(fds[0], &status, sizeof status);
  close(fds[0]);
  int wstatus = 0;
  waitpid(child, &wstatus, 0);
  if (WIFSIGNALED(wstatus)) {
    const int sig = WTERMSIG(wstatus);
    result.problem =
        sig == SIGALRM ? std::string("timed out")
                       : "crashed with signal " + std::to_string(sig) + " (" + strsignal(sig) + ")";
  } else if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == kThrewExit) {
    result.problem = "threw a C++ exception across the ABI";
  } else if (got == static_cast<ssize_t>(sizeof status)) {
    result.completed = true;
    result.status = status;
  } else {
    result.problem = "ended without an answer";
  }
  return result;
}

std::string describe(const ProbeResult& result) {
  return result.completed ? plugins::statusName(result.status) : result.problem;
}

}  // namespace onestop::conformance
