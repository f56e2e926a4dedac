#include "card_read_result.hpp"

#include "card_params.hpp"
#include "onestop/api/event_hub.hpp"
#include "onestop/api/session.hpp"
#include "onestop/store/audit_log.hpp"
#include "onestop/store/statistics.hpp"
#include "onestop/workflows/card_contents.hpp"
#include "onestop/workflows/eid_verdict.hpp"
#include "onestop/workflows/evidence.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

Json nullable(Json schema) {
  schema["type"] = Json::array({schema["type"], "null"});
  return schema;
}
Json openObject() {
  return Json{{"type", "object"}};
}

std::vector<std::string> releasedFields(const workflows::Evidence& evidence) {
  std::vector<std::string> fields;
  for (const auto& [n, bytes] : evidence.dataGroups) fields.push_back("DG" + std::to_string(n));
  if (!evidence.sod.empty()) fields.emplace_back("SOD");
  return fields;
}

const char* methodName(const workflows::CardReadOutput& read) {
  return read.chip.authentication == emrtd::AuthenticationMethod::Pace ? "PACE" : "BAC";
}

}  // namespace

Json cardReadResultSchema(Json extra) {
  Json properties{
      {"readId", s::string()},
      {"reader", s::string()},
      {"authentication", s::object({{"method", s::enumOf({"PACE", "BAC"})},
                                    {"key", s::string("How the key was found, never its value")},
                                    {"keyPosition", s::integer()}},
                                   {"method", "key", "keyPosition"})},
      {"person", nullable(openObject())},
      {"mrz", nullable(openObject())},
      {"photo", nullable(openObject())},
      {"problems", s::arrayOf(s::string())},
      {"verification", openObject()},
      {"evidence", openObject()},
      {"apduCount", s::integer()},
      {"milliseconds", s::integer()}};
  properties.update(extra);
  return s::object(
      properties,
      {"readId", "reader", "authentication", "person", "mrz", "photo", "verification", "evidence"},
      /*closed=*/false);
}

Json cardProgressStates() {
  return s::enumOf({"scanning", "decodingQr", "waitingForCard", "readingCardAccess", "selecting",
                    "authenticating", "reading", "chipAuthentication", "activeAuthentication",
                    "passiveAuthentication", "done"});
}

SessionCardRead::SessionCardRead(CardServices& services, Session& session, std::string method)
    : services_(services),
      session_(session),
      method_(std::move(method)),
      running_(services.reads.start(session.id())),
      started_(Clock::now()) {}

SessionCardRead::~SessionCardRead() {
  if (!finished_) services_.reads.finish(*running_, nullptr);
}

bool SessionCardRead::stopped() const {
  return running_->cancelled.load() || session_.closed();
}

void SessionCardRead::notify(const char* event, const Json& payload) {
  if (!session_.closed()) session_.sink().send(EventHub::notification(event, payload));
}

void SessionCardRead::progress(const char* state) {
  notify("card.progress", Json{{"readId", running_->readId}, {"state", state}});
}

void SessionCardRead::prepare(workflows::CardReadInput& input) {
  input.origin = session_.origin();
  input.cancelled = [this] { return stopped(); };
  input.onProgress = [this](const workflows::ReadProgress& p) {
    Json payload{{"readId", running_->readId}, {"state", p.state},
                 {"filesDone", p.filesDone},   {"fileCount", p.fileCount},
                 {"bytesRead", p.bytesRead},   {"totalBytes", p.totalBytes}};
    if (!p.file.empty()) payload["file"] = p.file;
    notify("card.progress", payload);
  };
  input.onCitizenRecord = [this](const cccd::CitizenRecord& person) {
    notify("card.data", Json{{"readId", running_->readId},
                             {"person", workflows::personToJson(person)},
                             {"verified", false}});
  };
}

void SessionCardRead::recordStatistics(const char* key, const std::string& outcome) {
  if (services_.statistics != nullptr) {
    (void)services_.statistics->record({"card_read", key, outcome});
  }
}

Error SessionCardRead::fail(const Error& error, const std::string& subject) {
  finished_ = true;
  services_.reads.finish(*running_, nullptr);
  // A failed read released nothing: its record is kept when it can be, never at the cost
  // of hiding the card's own error behind a storage one.
  (void)services_.audit.append(
      auditRecord(session_, method_, subject, {}, std::string(reasonName(error.reason()))));
  recordStatistics(method_ == "card.readFromQr" ? "qr" : "chip",
                   std::string(reasonName(error.reason())));
  return error;
}

Result<Json> SessionCardRead::complete(Result<workflows::CardReadOutput> read,
                                       const std::string& subject, const cccd::QrPayload* qr) {
  if (!read) return fail(read.error(), subject);
  finished_ = true;
  auto finished = std::make_shared<FinishedRead>();
  finished->evidence = workflows::evidenceFromRead(*read);
  finished->contents = workflows::parseContents(finished->evidence.dataGroups);
  workflows::VerifyOptions options;
  options.trust = services_.trust.get();
  options.today = today();
  options.qr = qr;
  options.online = services_.online;
  options.chipAuthenticationWitnessed = true;
  if (read->chip.passiveAuthentication) {
    options.passiveAuthentication = &*read->chip.passiveAuthentication;
  }
  const auto verdict = workflows::verifyEvidence(finished->evidence, finished->contents, options);
  finished->genuine = verdict.genuine;
  finished->keyFromQr = qr != nullptr;

  // No audit record, no data: a read the log cannot account for is not handed out.
  auto audited = services_.audit.append(auditRecord(
      session_, method_, "reader:" + read->reader.id, releasedFields(finished->evidence), "OK",
      std::string(methodName(*read)) + "; " + std::to_string(read->apduCount) + " APDUs" +
          (qr != nullptr ? "; key from the card QR" : "")));
  if (!audited) {
    services_.reads.finish(*running_, nullptr);
    return audited.error();
  }
  services_.reads.finish(*running_, finished);
  recordStatistics(method_ == "card.readFromQr" ? "qr" : "chip", "OK");
  if (services_.statistics != nullptr) {
    (void)services_.statistics->record(
        {"verification", verdict.genuine ? "genuine" : "not_genuine", "OK"});
  }

  const auto& contents = finished->contents;
  Json problems = Json::array();
  for (const auto* problem : {&contents.dg1Error, &contents.personError, &contents.photoError}) {
    if (!problem->empty()) problems.push_back(*problem);
  }
  return Json{
      {"readId", running_->readId},
      {"reader", read->reader.id},
      {"authentication",
       {{"method", methodName(*read)},
        {"key", read->key.describe()},
        {"keyPosition", read->keyPosition}}},
      {"person", contents.person ? workflows::personToJson(*contents.person) : Json(nullptr)},
      {"mrz", contents.dg1 ? workflows::mrzToJson(*contents.dg1) : Json(nullptr)},
      {"photo", contents.photo ? workflows::photoToJson(*contents.photo) : Json(nullptr)},
      {"problems", problems},
      {"verification", workflows::verdictToJson(verdict)},
      {"evidence", workflows::evidenceToJson(finished->evidence)},
      {"apduCount", read->apduCount},
      {"milliseconds",
       std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started_).count()}};
}

}  // namespace onestop::api
