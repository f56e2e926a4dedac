// card.*: read a CCCD / căn cước chip (card.read) and stop a read (card.cancel).
#include "card_params.hpp"
#include "onestop/api/card_reads.hpp"
#include "onestop/api/event_hub.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/session.hpp"
#include "onestop/store/audit_log.hpp"
#include "onestop/workflows/card_read.hpp"
#include "onestop/workflows/challenge_binding.hpp"
#include "onestop/workflows/eid_verdict.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;
using Clock = std::chrono::steady_clock;

Json nullable(Json schema) {
  schema["type"] = Json::array({schema["type"], "null"});
  return schema;
}
Json openObject() {
  return Json{{"type", "object"}};
}

Json cardReadParams() {
  return s::object(
      {{"reader", s::string("Reader device id; omitted: the only reader, or the one with a card")},
       {"key", keyParamsSchema()},
       {"challenge",
        s::string("The web app server's nonce, 16–128 of [A-Za-z0-9_-]: Active Authentication "
                  "signs SHA-256(challenge ‖ origin)")},
       {"waitForCardSeconds", Json{{"type", "integer"}, {"minimum", 0}, {"maximum", 120}}}});
}

Json cardReadResult() {
  return s::object(
      {{"readId", s::string()},
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
       {"milliseconds", s::integer()}},
      {"readId", "reader", "authentication", "person", "mrz", "photo", "verification", "evidence"},
      /*closed=*/false);
}

std::vector<std::string> releasedFields(const workflows::Evidence& evidence) {
  std::vector<std::string> fields;
  for (const auto& [n, bytes] : evidence.dataGroups) fields.push_back("DG" + std::to_string(n));
  if (!evidence.sod.empty()) fields.emplace_back("SOD");
  return fields;
}

class CardReadCall {
 public:
  CardReadCall(CardServices& services, Session& session) : services_(services), session_(session) {}

  Result<Json> run(const Json& params) {
    auto key = readKeyParams(params.value("key", Json::object()));
    if (!key) return key.error();
    const std::string challenge = params.value("challenge", std::string());
    if (!challenge.empty()) {
      if (auto ok = workflows::validateChallenge(challenge); !ok) return ok.error();
    }
    running_ = services_.reads.start(session_.id());
    const auto started = Clock::now();

    workflows::CardReadInput input;
    if (params.contains("reader")) input.reader = params["reader"].get<std::string>();
    input.keys = key->inputs;
    input.challenge = challenge;
    input.origin = session_.origin();
    input.waitForCard = std::chrono::seconds(params.value("waitForCardSeconds", 0));
    input.cancelled = [this] { return running_->cancelled.load() || session_.closed(); };
    input.onProgress = [this](const workflows::ReadProgress& p) { progress(p); };
    input.onCitizenRecord = [this](const cccd::CitizenRecord& person) {
      notify("card.data", Json{{"readId", running_->readId},
                               {"person", workflows::personToJson(person)},
                               {"verified", false}});
    };

    auto read = services_.workflow.run(input);
    if (!read) {
      services_.reads.finish(*running_, nullptr);
      // A failed read released nothing: its record is kept when it can be, never at the cost
      // of hiding the card's own error behind a storage one.
      (void)services_.audit.append(auditRecord(session_, "card.read", subject(input), {},
                                               std::string(reasonName(read.error().reason()))));
      return read.error();
    }
    auto finished = std::make_shared<FinishedRead>();
    finished->evidence = workflows::evidenceFromRead(*read);
    finished->contents = workflows::parseContents(finished->evidence.dataGroups);
    workflows::VerifyOptions options;
    options.trust = services_.trust.get();
    options.today = today();
    options.qr = key->qr ? &*key->qr : nullptr;
    options.online = services_.online;
    options.chipAuthenticationWitnessed = true;
    if (read->chip.passiveAuthentication) {
      options.passiveAuthentication = &*read->chip.passiveAuthentication;
    }
    const auto verdict = workflows::verifyEvidence(finished->evidence, finished->contents, options);

    // No audit record, no data: a read the log cannot account for is not handed out.
    auto audited = services_.audit.append(auditRecord(
        session_, "card.read", "reader:" + read->reader.id, releasedFields(finished->evidence),
        "OK",
        std::string(read->chip.authentication == emrtd::AuthenticationMethod::Pace ? "PACE"
                                                                                   : "BAC") +
            "; " + std::to_string(read->apduCount) + " APDUs"));
    if (!audited) {
      services_.reads.finish(*running_, nullptr);
      return audited.error();
    }
    services_.reads.finish(*running_, finished);
    return result(*read, *finished, verdict, started);
  }

 private:
  static std::string subject(const workflows::CardReadInput& input) {
    return "reader:" + input.reader.value_or("auto");
  }

  void notify(const char* event, const Json& payload) {
    if (!session_.closed()) session_.sink().send(EventHub::notification(event, payload));
  }

  void progress(const workflows::ReadProgress& p) {
    Json payload{{"readId", running_->readId}, {"state", p.state},
                 {"filesDone", p.filesDone},   {"fileCount", p.fileCount},
                 {"bytesRead", p.bytesRead},   {"totalBytes", p.totalBytes}};
    if (!p.file.empty()) payload["file"] = p.file;
    notify("card.progress", payload);
  }

  Json result(const workflows::CardReadOutput& read, const FinishedRead& finished,
              const workflows::EidVerdict& verdict, Clock::time_point started) const {
    const auto& contents = finished.contents;
    Json problems = Json::array();
    for (const auto* problem : {&contents.dg1Error, &contents.personError, &contents.photoError}) {
      if (!problem->empty()) problems.push_back(*problem);
    }
    return Json{
        {"readId", running_->readId},
        {"reader", read.reader.id},
        {"authentication",
         {{"method",
           read.chip.authentication == emrtd::AuthenticationMethod::Pace ? "PACE" : "BAC"},
          {"key", read.key.describe()},
          {"keyPosition", read.keyPosition}}},
        {"person", contents.person ? workflows::personToJson(*contents.person) : Json(nullptr)},
        {"mrz", contents.dg1 ? workflows::mrzToJson(*contents.dg1) : Json(nullptr)},
        {"photo", contents.photo ? workflows::photoToJson(*contents.photo) : Json(nullptr)},
        {"problems", problems},
        {"verification", workflows::verdictToJson(verdict)},
        {"evidence", workflows::evidenceToJson(finished.evidence)},
        {"apduCount", read.apduCount},
        {"milliseconds",
         std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count()}};
  }

  CardServices& services_;
  Session& session_;
  std::shared_ptr<CardReads::Running> running_;
};

}  // namespace

void registerCardMethods(MethodRegistry& registry, CardServices& services) {
  registry.add({"card.read", "card",
                "Read and verify the CCCD on a reader: PACE or BAC, DG13/DG1/DG2/DG14/DG15/SOD, "
                "chip, active and passive authentication. Reports card.progress and card.data to "
                "the calling session only.",
                cardReadParams(), cardReadResult(),
                [&services](const Json& params, CallContext& context) -> Result<Json> {
                  return CardReadCall(services, context.session).run(params);
                },
                /*longRunning=*/true});

  registry.add({"card.cancel", "card", "Stop this session's running card reads (or the one named).",
                s::object({{"readId", s::string()}}),
                s::object({{"cancelled", s::integer()}}, {"cancelled"}),
                [&services](const Json& params, CallContext& context) -> Result<Json> {
                  const auto count = services.reads.cancel(context.session.id(),
                                                           params.value("readId", std::string()));
                  return Json{{"cancelled", count}};
                }});

  registry.addEvent(
      {"card.progress", "A state of a running card.read (to the reading session only).",
       s::object({{"readId", s::string()},
                  {"state", s::enumOf({"waitingForCard", "readingCardAccess", "selecting",
                                       "authenticating", "reading", "chipAuthentication",
                                       "activeAuthentication", "passiveAuthentication", "done"})},
                  {"file", s::string()},
                  {"filesDone", s::integer()},
                  {"fileCount", s::integer()},
                  {"bytesRead", s::integer()},
                  {"totalBytes", s::integer()}},
                 {"readId", "state"})});
  registry.addEvent(
      {"card.data",
       "The citizen's DG13 fields as soon as they are read, before verification "
       "(to the reading session only).",
       s::object({{"readId", s::string()}, {"person", openObject()}, {"verified", s::boolean()}},
                 {"readId", "person", "verified"})});
}

}  // namespace onestop::api
