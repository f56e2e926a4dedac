#include "onestop/api/card_reads.hpp"

#include <algorithm>

#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/random_source.hpp"

namespace onestop::api {

std::shared_ptr<CardReads::Running> CardReads::start(std::uint64_t sessionId) {
  auto read = std::make_shared<Running>();
  read->sessionId = sessionId;
  // Unguessable, so a read id seen by one page is useless to another.
  emrtd::OpenSslRandomSource random;
  auto nonce = random.generate(8);
  std::lock_guard lock(mutex_);
  read->readId =
      "read-" + std::to_string(++nextId_) + "-" + (nonce ? emrtd::toHex(*nonce) : std::string("0"));
  running_[read->readId] = read;
  return read;
}

void CardReads::finish(const Running& read, std::shared_ptr<const FinishedRead> result) {
  std::lock_guard lock(mutex_);
  running_.erase(read.readId);
  if (result) {
    finished_.push_back(
        {read.readId, read.sessionId, std::chrono::steady_clock::now(), std::move(result)});
    const auto ofSession = std::count_if(finished_.begin(), finished_.end(), [&](const Kept& k) {
      return k.sessionId == read.sessionId;
    });
    if (static_cast<std::size_t>(ofSession) > keepPerSession_) {
      finished_.erase(std::find_if(finished_.begin(), finished_.end(),
                                   [&](const Kept& k) { return k.sessionId == read.sessionId; }));
    }
  }
  expire();
}

std::size_t CardReads::cancel(std::uint64_t sessionId, const std::string& readId) {
  std::lock_guard lock(mutex_);
  std::size_t count = 0;
  for (auto& [id, weak] : running_) {
    auto read = weak.lock();
    if (!read || read->sessionId != sessionId) continue;
    if (!readId.empty() && id != readId) continue;
    read->cancelled = true;
    ++count;
  }
  return count;
}

std::shared_ptr<const FinishedRead> CardReads::find(std::uint64_t sessionId,
                                                    const std::string& readId) {
  std::lock_guard lock(mutex_);
  expire();
  for (const auto& kept : finished_) {
    if (kept.readId == readId && kept.sessionId == sessionId) return kept.result;
  }
  return nullptr;
}

void CardReads::expire() {
  const auto now = std::chrono::steady_clock::now();
  while (!finished_.empty() && now - finished_.front().at > keep_) finished_.pop_front();
}

}  // namespace onestop::api
