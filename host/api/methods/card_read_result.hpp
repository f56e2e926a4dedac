#pragma once
// One card read of a session, shared by card.read and card.readFromQr: its entry in CardReads
// (so card.cancel stops it), its events to the reading session only (card.progress, card.data),
// and its ending — the verdict, the audit record (no record, no data) and the result.
#include <chrono>
#include <memory>
#include <string>

#include "onestop/api/card_reads.hpp"
#include "onestop/api/json.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/cccd/qr_payload.hpp"
#include "onestop/common/result.hpp"
#include "onestop/workflows/card_read.hpp"

namespace onestop::api {

class Session;

// card.read's result schema plus `extra` properties (card.readFromQr's qr and scan).
Json cardReadResultSchema(Json extra = Json::object());
// card.progress's states: card.read's, after "scanning" and "decodingQr" of card.readFromQr.
Json cardProgressStates();

class SessionCardRead {
 public:
  using Clock = std::chrono::steady_clock;

  // `method` names the audit record ("card.read", "card.readFromQr").
  SessionCardRead(CardServices& services, Session& session, std::string method);
  SessionCardRead(const SessionCardRead&) = delete;
  SessionCardRead& operator=(const SessionCardRead&) = delete;
  ~SessionCardRead();  // a read that never reached the chip leaves the registry here

  [[nodiscard]] const std::string& readId() const { return running_->readId; }
  [[nodiscard]] bool stopped() const;  // card.cancel or the session closed
  // A card.progress with only a state (the steps before the chip).
  void progress(const char* state);
  // Wires the input's cancel check, progress and DG13 callbacks and the origin to this read.
  void prepare(workflows::CardReadInput& input);

  // Ends the read: a failure is audited (best effort) and returned; a success is judged (with
  // the printed QR when there is one: QR_MISMATCH), audited, kept for eid.verify and returned
  // as card.read's result.
  Result<Json> complete(Result<workflows::CardReadOutput> read, const std::string& subject,
                        const cccd::QrPayload* qr);

  // A failure before the chip was touched (scan, QR): audited like a failed read.
  Error fail(const Error& error, const std::string& subject);

 private:
  void notify(const char* event, const Json& payload);
  // Counts the read for stats.report (best effort: statistics never fail a read).
  void recordStatistics(const char* key, const std::string& outcome);

  CardServices& services_;
  Session& session_;
  std::string method_;
  std::shared_ptr<CardReads::Running> running_;
  Clock::time_point started_;
  bool finished_ = false;
};

}  // namespace onestop::api
