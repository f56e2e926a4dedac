// Watches pcscd on its own thread: the reader list (with \\?PnP?\Notification for hot plug) and
// each reader's card state. Raises DEVICE_ADDED/REMOVED and CARD_INSERTED (with the ATR)/
// CARD_REMOVED through the host. When pcscd goes away (SCARD_E_NO_SERVICE, SERVICE_STOPPED, a
// broken socket) it releases its context, reports every reader removed and re-establishes a
// context with a capped backoff until pcscd is back.
#pragma once

#include <PCSC/winscard.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "onestop/plugin.hpp"
#include "pcsc_config.hpp"
#include "scard_call.hpp"

namespace onestop::pcsc {

struct ReaderState {
  bool cardPresent = false;
  std::vector<std::uint8_t> atr;
  DWORD lastEventState = SCARD_STATE_UNAWARE;
};

class ReaderMonitor {
 public:
  // Takes a first snapshot synchronously (no events), then starts the thread.
  ReaderMonitor(sdk::Host host, PcscConfig config);
  ReaderMonitor(const ReaderMonitor&) = delete;
  ReaderMonitor& operator=(const ReaderMonitor&) = delete;
  ~ReaderMonitor();  // stops and joins the thread, releases the context

  [[nodiscard]] std::map<std::string, ReaderState> readers() const;
  [[nodiscard]] std::optional<ReaderState> reader(const std::string& name) const;

 private:
  struct Event {
    onestop_event_kind kind;
    std::string reader;
    std::vector<std::uint8_t> atr;
  };

  void run();
  // One round: (re)establish, list, wait for a change. Returns events to raise.
  void step(std::vector<Event>& events, DWORD timeoutMs);
  bool ensureContext();
  void dropContext(std::vector<Event>& events);
  void applyReaderList(const std::vector<std::string>& names, std::vector<Event>& events);
  void applyStates(const std::vector<SCARD_READERSTATE>& states, std::vector<Event>& events);
  void raise(const std::vector<Event>& events) const;
  void waitBackoff();
  void pause(std::chrono::milliseconds duration);

  sdk::Host host_;
  PcscConfig config_;
  mutable std::mutex mutex_;  // guards readers_, stop_, context_ establish/release vs cancel
  std::condition_variable wake_;
  std::map<std::string, ReaderState> readers_;
  bool stop_ = false;
  ScardContext context_;  // only the monitor thread establishes/uses it; cancel under mutex_
  DWORD pnpState_ = 0;
  int backoffMs_ = 0;
  bool loggedServiceDown_ = false;
  std::thread thread_;
};

}  // namespace onestop::pcsc
