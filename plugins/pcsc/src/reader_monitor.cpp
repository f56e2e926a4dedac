#include "reader_monitor.hpp"

#include <algorithm>
#include <chrono>
#include <set>

namespace onestop::pcsc {
namespace {

constexpr DWORD kWaitMs = 1000;  // backstop: shutdown also cancels the wait
constexpr int kBackoffFirstMs = 100;
constexpr int kBackoffMaxMs = 1000;
constexpr std::chrono::milliseconds kMinRound{20};
constexpr const char* kPnpReader = "\\\\?PnP?\\Notification";

}  // namespace

ReaderMonitor::ReaderMonitor(sdk::Host host, PcscConfig config)
    : host_(host), config_(std::move(config)) {
  std::vector<Event> ignored;  // the first snapshot is what enumerate shows; no events for it
  step(ignored, 0);
  thread_ = std::thread([this] { run(); });
}

ReaderMonitor::~ReaderMonitor() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    if (context_.valid()) (void)context_.cancel();
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard lock(mutex_);
  context_.release();
}

std::map<std::string, ReaderState> ReaderMonitor::readers() const {
  std::lock_guard lock(mutex_);
  return readers_;
}

std::optional<ReaderState> ReaderMonitor::reader(const std::string& name) const {
  std::lock_guard lock(mutex_);
  const auto it = readers_.find(name);
  if (it == readers_.end()) return std::nullopt;
  return it->second;
}

void ReaderMonitor::run() {
  while (true) {
    {
      std::lock_guard lock(mutex_);
      if (stop_) return;
    }
    std::vector<Event> events;
    const auto started = std::chrono::steady_clock::now();
    step(events, kWaitMs);
    raise(events);
    if (!context_.valid()) {
      waitBackoff();
    } else if (events.empty() && std::chrono::steady_clock::now() - started < kMinRound) {
      pause(kMinRound);  // a wait that returns at once without news must not spin
    }
  }
}

void ReaderMonitor::step(std::vector<Event>& events, DWORD timeoutMs) {
  if (!ensureContext()) return;
  std::vector<std::string> names;
  ScardResult r = context_.listReaders(names);
  if (!r.ok()) {
    if (r.serviceLost()) dropContext(events);
    return;
  }
  applyReaderList(names, events);

  std::vector<std::string> watched;
  std::vector<SCARD_READERSTATE> states;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [name, state] : readers_) watched.push_back(name);
    for (const auto& name : watched) {
      SCARD_READERSTATE s{};
      s.szReader = name.c_str();
      s.dwCurrentState = readers_[name].lastEventState;
      states.push_back(s);
    }
  }
  SCARD_READERSTATE pnp{};
  pnp.szReader = kPnpReader;
  pnp.dwCurrentState = pnpState_;
  states.push_back(pnp);

  r = context_.getStatusChange(timeoutMs, states);
  if (r.ok()) {
    pnpState_ = states.back().dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
    states.pop_back();
    applyStates(states, events);
  } else if (r.serviceLost()) {
    dropContext(events);
  }
  // SCARD_E_TIMEOUT, SCARD_E_CANCELLED, SCARD_E_UNKNOWN_READER: the next round lists again.
}

bool ReaderMonitor::ensureContext() {
  if (context_.valid()) return true;
  ScardResult r;
  {
    std::lock_guard lock(mutex_);  // establish vs the destructor's cancel
    if (stop_) return false;
    r = context_.establish();
  }
  // Log outside the lock: the host may call back into the plugin from its log function.
  if (!r.ok()) {
    if (!loggedServiceDown_) host_.log(ONESTOP_LOG_INFO, "pcsc: no PC/SC service: " + r.text());
    loggedServiceDown_ = true;
    return false;
  }
  if (loggedServiceDown_) host_.log(ONESTOP_LOG_INFO, "pcsc: PC/SC service available");
  loggedServiceDown_ = false;
  backoffMs_ = 0;
  pnpState_ = 0;
  return true;
}

void ReaderMonitor::dropContext(std::vector<Event>& events) {
  host_.log(ONESTOP_LOG_WARNING, "pcsc: PC/SC service lost; readers removed until it is back");
  {
    std::lock_guard lock(mutex_);
    context_.release();
  }
  applyReaderList({}, events);
}

void ReaderMonitor::applyReaderList(const std::vector<std::string>& names,
                                    std::vector<Event>& events) {
  std::set<std::string> wanted;
  for (const auto& n : names) {
    if (config_.accepts(n) && n.size() < ONESTOP_ID_MAX) wanted.insert(n);
  }
  std::lock_guard lock(mutex_);
  for (auto it = readers_.begin(); it != readers_.end();) {
    if (wanted.count(it->first) != 0) {
      ++it;
      continue;
    }
    if (it->second.cardPresent) events.push_back({ONESTOP_EVENT_CARD_REMOVED, it->first, {}});
    events.push_back({ONESTOP_EVENT_DEVICE_REMOVED, it->first, {}});
    it = readers_.erase(it);
  }
  for (const auto& n : wanted) {
    if (readers_.emplace(n, ReaderState{}).second) {
      events.push_back({ONESTOP_EVENT_DEVICE_ADDED, n, {}});
    }
  }
}

void ReaderMonitor::applyStates(const std::vector<SCARD_READERSTATE>& states,
                                std::vector<Event>& events) {
  std::lock_guard lock(mutex_);
  for (const auto& s : states) {
    const auto it = readers_.find(s.szReader);
    if (it == readers_.end()) continue;
    ReaderState& st = it->second;
    st.lastEventState = s.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
    const bool gone = (s.dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE)) != 0;
    const bool present = !gone && (s.dwEventState & SCARD_STATE_PRESENT) != 0;
    std::vector<std::uint8_t> atr;
    if (present) {
      const auto n = std::min<std::size_t>(s.cbAtr, sizeof(s.rgbAtr));
      atr.assign(s.rgbAtr, s.rgbAtr + n);
    }
    if (st.cardPresent && (!present || atr != st.atr)) {
      events.push_back({ONESTOP_EVENT_CARD_REMOVED, it->first, {}});
      st.cardPresent = false;
      st.atr.clear();
    }
    if (present && !st.cardPresent) {
      st.cardPresent = true;
      st.atr = atr;
      events.push_back({ONESTOP_EVENT_CARD_INSERTED, it->first, atr});
    }
  }
}

void ReaderMonitor::raise(const std::vector<Event>& events) const {
  for (const auto& e : events) host_.emit(e.kind, ONESTOP_DEVICE_READER, e.reader, e.atr);
}

void ReaderMonitor::waitBackoff() {
  backoffMs_ = backoffMs_ == 0 ? kBackoffFirstMs : std::min(backoffMs_ * 2, kBackoffMaxMs);
  pause(std::chrono::milliseconds(backoffMs_));
}

void ReaderMonitor::pause(std::chrono::milliseconds duration) {
  std::unique_lock lock(mutex_);
  wake_.wait_for(lock, duration, [this] { return stop_; });
}

}  // namespace onestop::pcsc
