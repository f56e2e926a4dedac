// Child processes for the PC/SC fixture: spawn with output to a log file, stop by PID.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace onestop::testing {

// fork + execvp in a new session, stdin /dev/null, stdout and stderr appended to log.
// Returns the child's PID or -1.
pid_t spawnProcess(const std::vector<std::string>& argv, const std::filesystem::path& log);

// True while pid is a running (not yet reaped) child.
bool processAlive(pid_t pid);

// Sends signal, waits up to grace, then SIGKILL; always reaps. Returns false if it had to kill.
bool stopProcess(pid_t pid, int signal, std::chrono::milliseconds grace);

// Runs argv to completion (output to log); its exit code, or -1.
int runProcess(const std::vector<std::string>& argv, const std::filesystem::path& log);

}  // namespace onestop::testing
