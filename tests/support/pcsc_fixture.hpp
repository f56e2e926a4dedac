#pragma once

#include <sys/types.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <optional>
#include <string>

namespace onestop::testing {

// A private pcscd with Debian's vpcd virtual reader driver and Debian's vicc (python3-
// virtualsmartcard, type iso7816) as the card, for integration tests over real PC/SC.
//
// pcscd runs in its own network and mount namespaces (unshare --net --mount; needs root): vpcd's
// TCP ports 35963/35964 are reachable only from inside, /run is a private tmpfs whose pcscd/ is
// this fixture's run/ folder and the system's USB drivers are hidden, so nothing collides with a
// system pcscd or another fixture. Clients in this process reach it through PCSCLITE_CSOCK_NAME,
// which the constructor sets (libpcsclite remembers the name, so the folder is fixed per process).
// vicc joins the namespace with nsenter; starting it inserts the card, stopping it removes it.
// Every process is a direct child, stopped by PID (SIGTERM, then SIGKILL) and reaped with waitpid.
class PcscFixture {
 public:
  static constexpr const char* kReaderName = "Virtual PCD 00 00";

  // Why the fixture cannot run here (not root, a tool or package missing), or nullopt.
  static std::optional<std::string> unavailableReason();

  // Starts pcscd and, when insertCard, vicc; returns once PC/SC reports the state. Throws
  // std::runtime_error (with the log tails) when that does not happen in time.
  explicit PcscFixture(bool insertCard = true);
  PcscFixture(const PcscFixture&) = delete;
  PcscFixture& operator=(const PcscFixture&) = delete;
  ~PcscFixture();  // stops everything, removes the folder

  void insertCard();  // starts vicc, waits until the card is present
  void removeCard();  // stops vicc, waits until the reader is empty
  // Stops pcscd (and vicc, which lives in its namespace) with the signal, e.g. SIGKILL for a crash.
  void stopPcscd(int signal = SIGTERM);
  // Starts pcscd again, and vicc when the card was in before stopPcscd.
  void startPcscd();

  // Polls PC/SC until the reader reports a card (present) or none; false on timeout.
  [[nodiscard]] bool waitForCard(bool present, std::chrono::milliseconds timeout) const;
  [[nodiscard]] bool pcscdRunning() const { return pcscdPid_ > 0; }
  [[nodiscard]] pid_t pcscdPid() const { return pcscdPid_; }
  [[nodiscard]] const std::filesystem::path& stateDir() const { return stateDir_; }
  [[nodiscard]] std::filesystem::path socketPath() const;
  [[nodiscard]] std::string logTail() const;  // the end of pcscd's and vicc's logs

 private:
  void prepareStateDir();
  void launchPcscd();
  bool launchViccOnce();
  [[noreturn]] void fail(const std::string& what) const;

  std::filesystem::path stateDir_;
  pid_t pcscdPid_ = -1;
  pid_t viccPid_ = -1;
  bool cardWanted_ = false;
};

}  // namespace onestop::testing
