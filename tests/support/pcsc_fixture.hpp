#pragma once

#include <sys/types.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

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
//
// The card is either vicc's plain iso7816 card (the default) or, after insertLdsCard(), an eMRTD
// chip: vicc's ePass card serving a folder of LDS files with BAC and secure messaging, through the
// project's own launcher tests/support/vicc_lds_card.py (repairs of vicc included).
class PcscFixture {
 public:
  // How the eMRTD chip behaves beyond vicc's defaults.
  struct LdsCardOptions {
    // DO'99' (status word) in every protected response, as ICAO requires of real chips; vicc
    // leaves it out by default, and readers must accept both.
    bool do99 = false;
    // Serve EF.CardAccess when the folder has one. It advertises PACE, which vicc cannot do, so
    // by default the chip looks BAC-only to a reader.
    bool cardAccess = false;
    // Benchmarks only: constant chip challenge and key share, so that a reader with fixed random
    // numbers gets the same session every time and its recorded APDUs replay byte for byte.
    bool replayable = false;
  };

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
  // From now on the card is the eMRTD chip serving ldsDir (EF.COM.bin, EF.DG1.bin ...); inserts
  // it now (replacing a card that is in) when pcscd runs, else with the next startPcscd.
  void insertLdsCard(const std::filesystem::path& ldsDir, LdsCardOptions options);
  void insertLdsCard(const std::filesystem::path& ldsDir) { insertLdsCard(ldsDir, {}); }
  void removeCard();  // stops vicc, waits until the reader is empty
  // Stops pcscd (and vicc, which lives in its namespace) with the signal, e.g. SIGKILL for a crash.
  void stopPcscd(int signal = SIGTERM);
  // Starts pcscd again, and vicc when the card was in before stopPcscd.
  void startPcscd();

  // Polls PC/SC until the reader reports a card (present) or none; false on timeout.
  [[nodiscard]] bool waitForCard(bool present, std::chrono::milliseconds timeout) const;
  [[nodiscard]] bool pcscdRunning() const { return pcscdPid_ > 0; }
  [[nodiscard]] pid_t pcscdPid() const { return pcscdPid_; }
  [[nodiscard]] pid_t cardPid() const { return viccPid_; }  // -1 when no card is in
  [[nodiscard]] const std::filesystem::path& stateDir() const { return stateDir_; }
  [[nodiscard]] std::filesystem::path socketPath() const;
  [[nodiscard]] std::string logTail() const;  // the end of pcscd's and vicc's logs

 private:
  void prepareStateDir();
  void launchPcscd();
  bool launchViccOnce();
  [[nodiscard]] std::vector<std::string> viccCommand() const;
  [[noreturn]] void fail(const std::string& what) const;

  std::filesystem::path stateDir_;
  pid_t pcscdPid_ = -1;
  pid_t viccPid_ = -1;
  bool cardWanted_ = false;
  std::optional<std::filesystem::path> ldsDir_;  // set: the eMRTD chip; unset: the iso7816 card
  LdsCardOptions ldsOptions_;
};

}  // namespace onestop::testing
