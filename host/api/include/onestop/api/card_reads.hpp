#pragma once
// The card reads of the API: the ones running (so card.cancel can stop them) and the last few
// finished ones per session (so eid.verify can judge a read without reading the card again).
// Results are kept in memory only, for a short time, and only for the session that made them.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "onestop/workflows/card_contents.hpp"
#include "onestop/workflows/evidence.hpp"

namespace onestop::api {

struct FinishedRead {
  workflows::Evidence evidence;
  workflows::CardContents contents;
  bool genuine = false;    // the verdict's genuine check (procedures see it as `verified`)
  bool keyFromQr = false;  // card.readFromQr
};

class CardReads {
 public:
  struct Running {
    std::string readId;
    std::uint64_t sessionId = 0;
    std::atomic<bool> cancelled{false};
  };

  explicit CardReads(std::chrono::seconds keep = std::chrono::seconds(600),
                     std::size_t keepPerSession = 4)
      : keep_(keep), keepPerSession_(keepPerSession) {}

  std::shared_ptr<Running> start(std::uint64_t sessionId);
  void finish(const Running& read, std::shared_ptr<const FinishedRead> result);
  // Cancels the session's running reads (all, or the one named); returns how many.
  std::size_t cancel(std::uint64_t sessionId, const std::string& readId);
  // A finished read of this session, or null when unknown, expired or another session's.
  std::shared_ptr<const FinishedRead> find(std::uint64_t sessionId, const std::string& readId);

 private:
  struct Kept {
    std::string readId;
    std::uint64_t sessionId;
    std::chrono::steady_clock::time_point at;
    std::shared_ptr<const FinishedRead> result;
  };
  void expire();

  std::chrono::seconds keep_;
  std::size_t keepPerSession_;
  std::mutex mutex_;
  std::uint64_t nextId_ = 0;
  std::map<std::string, std::weak_ptr<Running>> running_;
  std::deque<Kept> finished_;
};

}  // namespace onestop::api
