#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace onestop::testing {

// A private CUPS scheduler with one cups-pdf queue, for the cups plugin's integration tests and
// for daemon tests that print.
//
// cupsd -f runs with its own cupsd.conf and cups-files.conf; everything it writes (state, cache,
// spool, logs) lives under a state folder, it listens on its own UNIX socket and on a free
// loopback port, with no browsing and no web interface. cups-pdf reads its settings only from
// the compiled-in /etc/cups/cups-pdf.conf, so cupsd runs in a private mount namespace (unshare
// --mount) in which a private copy of that file, with Out = outputDir(), is bind-mounted over it:
// the real file is never modified. Needs root (the namespace; cups-pdf runs as root).
//
// The constructor exports CUPS_SERVER = socketPath(), which libcups (the plugin, lp, lpstat) and
// child processes honour. libcups remembers the server per thread, so the state folder - and the
// socket path with it - is fixed per process: <tmp>/onestop-cups-fixture-<pid>.
// cupsd is a direct child, stopped by PID (SIGTERM, then SIGKILL) and reaped.
//
// Nothing is skipped: when cupsd or the queue cannot be set up, the constructor throws
// std::runtime_error naming the reason and carrying the logs, so the test fails with it.
class CupsFixture {
 public:
  static constexpr const char* kQueue = "onestop-pdf";

  CupsFixture();
  CupsFixture(const CupsFixture&) = delete;
  CupsFixture& operator=(const CupsFixture&) = delete;
  ~CupsFixture();  // stops cupsd, removes the state and output folders, restores CUPS_SERVER

  [[nodiscard]] const std::filesystem::path& stateDir() const { return stateDir_; }
  [[nodiscard]] std::filesystem::path socketPath() const;
  [[nodiscard]] const std::string& queue() const { return queue_; }
  [[nodiscard]] const std::filesystem::path& outputDir() const { return outputDir_; }
  [[nodiscard]] int port() const { return port_; }
  [[nodiscard]] pid_t cupsdPid() const { return cupsdPid_; }
  [[nodiscard]] bool cupsdRunning() const;

  // The first PDF in outputDir() not in `seen` that cups-pdf has finished writing (it ends with
  // %%EOF), or nullopt after timeout.
  [[nodiscard]] std::optional<std::filesystem::path> waitForPdf(
      std::chrono::milliseconds timeout, const std::vector<std::filesystem::path>& seen = {}) const;
  // Every PDF in outputDir() now.
  [[nodiscard]] std::vector<std::filesystem::path> pdfs() const;

  // Administration through the CUPS tools against this scheduler; each throws on failure.
  void stopQueue();                        // cupsdisable: the queue keeps accepting, nothing prints
  void startQueue();                       // cupsenable
  void rejectJobs();                       // cupsreject: the queue refuses new jobs
  void acceptJobs();                       // cupsaccept
  void removeQueue();                      // lpadmin -x
  void addQueue(const std::string& name);  // another cups-pdf queue, enabled and accepting
  // A queue whose backend fails every job, with printer-error-policy=abort-job: its jobs end
  // "aborted" and the queue stays enabled.
  void addFailingQueue(const std::string& name);
  // A cups-pdf queue whose PPD also offers duplex (cups-pdf's own has none).
  void addDuplexQueue(const std::string& name);
  // Stops cupsd (the socket goes away): a scheduler that is down.
  void stopScheduler();
  // Submits a file with lp and its extra arguments (e.g. {"-H", "hold"}); returns the job id.
  int submitWithLp(const std::filesystem::path& file, const std::vector<std::string>& extra);

  // Runs a CUPS tool with CUPS_SERVER set; its exit code. Output goes to the fixture's log.
  int runTool(const std::vector<std::string>& argv) const;
  // The end of cupsd's error_log, its console output and the tools' log, for failure messages.
  [[nodiscard]] std::string logTail() const;

 private:
  void writeConfig();
  void startCupsd();
  void stopCupsd();
  void runToolOrThrow(const std::vector<std::string>& argv, const std::string& what) const;
  [[noreturn]] void fail(const std::string& what) const;

  std::filesystem::path stateDir_;
  std::filesystem::path outputDir_;
  std::string queue_ = kQueue;
  int port_ = 0;
  pid_t cupsdPid_ = -1;
  std::optional<std::string> previousServer_;
};

}  // namespace onestop::testing
