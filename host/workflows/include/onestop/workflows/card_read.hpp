#pragma once
// card.read as an explicit state machine (issue 4 item 6): wait for the card, open it with the
// bounded access-key plan, read DG13 first (so the page shows the citizen while the photo is
// still coming), then DG1, DG2, DG14, DG15 and EF.SOD, then chip, active and passive
// authentication. Every state is reported; citizen data leaves only through the callbacks and
// the result, never through logs.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "onestop/cccd/access_key.hpp"
#include "onestop/cccd/citizen_record.hpp"
#include "onestop/common/result.hpp"
#include "onestop/emrtd/card_session.hpp"
#include "onestop/emrtd/trust_store.hpp"
#include "onestop/plugins/device_catalog.hpp"
#include "onestop/workflows/reader_access.hpp"

namespace onestop::workflows {

// API names of the states, in order: waitingForCard, readingCardAccess, selecting,
// authenticating, reading, chipAuthentication, activeAuthentication, passiveAuthentication, done.
struct ReadProgress {
  std::string state;
  std::string file;            // "EF.DG2" while reading
  std::size_t bytesRead = 0;   // of `file`
  std::size_t totalBytes = 0;  // of `file` (0 until its length is known)
  std::size_t filesDone = 0;   // files finished so far
  std::size_t fileCount = 0;   // files this read asks for
};

struct CardReadInput {
  std::optional<std::string> reader;  // device id; none: chooseReader
  cccd::AccessKeyInputs keys;
  std::string challenge;  // the server's nonce (validated by the caller); empty: unbound read
  std::string origin;     // the session's origin; empty for token clients
  std::chrono::milliseconds waitForCard{0};
  std::function<void(const ReadProgress&)> onProgress;
  // DG13 as soon as it is read and parsed — before any verification.
  std::function<void(const cccd::CitizenRecord&)> onCitizenRecord;
  std::function<bool()> cancelled;
};

struct CardReadOutput {
  plugins::DeviceSnapshot reader;
  emrtd::CardReadResult chip;
  cccd::KeyCandidate key;       // the key that opened the chip, its secret erased
  std::size_t keyPosition = 0;  // 1 for the first key of the plan (keys a chip cannot use skipped)
  emrtd::Bytes activeAuthenticationChallenge;  // what the chip signed (8 bytes) or empty
  std::string challenge;
  std::string origin;
  std::chrono::system_clock::time_point readAt;
  std::size_t apduCount = 0;
};

class CardReadWorkflow {
 public:
  CardReadWorkflow(ReaderAccess& readers, std::shared_ptr<const emrtd::TrustStore> trust);

  // One read; a second read on the same reader while one runs is Reason::DeviceBusy.
  Result<CardReadOutput> run(const CardReadInput& input);

 private:
  Result<plugins::DeviceSnapshot> waitForReader(const CardReadInput& input);
  bool claim(const std::string& readerId);
  void release(const std::string& readerId);

  ReaderAccess& readers_;
  std::shared_ptr<const emrtd::TrustStore> trust_;
  std::mutex mutex_;
  std::set<std::string> busy_;
};

}  // namespace onestop::workflows
