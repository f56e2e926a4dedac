// eid.verify (the verdict on a read of this session) and evidence.verify (the offline re-check
// of an evidence bundle, exactly as onestop-verify runs it on a web app's server).
#include "card_params.hpp"
#include "onestop/api/card_reads.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/session.hpp"
#include "onestop/store/audit_log.hpp"
#include "onestop/workflows/eid_verdict.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

Json verdictSchema() {
  return s::object({{"genuine", s::boolean()},
                    {"notRevoked", s::boolean()},
                    {"valid", s::boolean()},
                    {"consistent", s::boolean()},
                    {"bound", s::boolean()},
                    {"online", Json{{"type", Json::array({"string", "null"})}}},
                    {"failures", s::arrayOf(s::string())},
                    {"checks", s::arrayOf(Json{{"type", "object"}})}},
                   {"genuine", "notRevoked", "valid", "consistent", "bound", "failures", "checks"},
                   /*closed=*/false);
}

Result<std::optional<cccd::QrPayload>> qrParam(const Json& params) {
  if (!params.contains("qr")) return std::optional<cccd::QrPayload>();
  auto payload = cccd::parseCccdQr(params["qr"].get<std::string>());
  if (!payload) return payload.error();
  return std::optional<cccd::QrPayload>(std::move(payload).value());
}

}  // namespace

void registerEidMethods(MethodRegistry& registry, CardServices& services) {
  registry.add(
      {"eid.verify", "eid",
       "The verdict on a card.read of this session: genuine chip, data consistent across MRZ, "
       "DG13 and the printed QR (when given), valid dates, not revoked, online check.",
       s::object({{"readId", s::string("From card.read")},
                  {"qr", s::string("The text of the QR code printed on the card")}},
                 {"readId"}),
       s::object({{"readId", s::string()}, {"verdict", verdictSchema()}}, {"readId", "verdict"}),
       [&services](const Json& params, CallContext& context) -> Result<Json> {
         const auto readId = params["readId"].get<std::string>();
         auto read = services.reads.find(context.session.id(), readId);
         if (!read) {
           return Error(Reason::InvalidState, "no finished card.read " + readId +
                                                  " in this session (reads are kept 10 minutes)");
         }
         auto qr = qrParam(params);
         if (!qr) return qr.error();
         workflows::VerifyOptions options;
         options.trust = services.trust.get();
         options.today = today();
         options.qr = *qr ? &**qr : nullptr;
         options.online = services.online;
         options.chipAuthenticationWitnessed = true;
         const auto verdict = workflows::verifyEvidence(read->evidence, read->contents, options);
         auto audited = services.audit.append(
             auditRecord(context.session, "eid.verify", "read:" + readId, {},
                         verdict.failedReasons().empty() ? "OK" : "NOT_VERIFIED"));
         if (!audited) return audited.error();
         return Json{{"readId", readId}, {"verdict", workflows::verdictToJson(verdict)}};
       }});

  registry.add(
      {"evidence.verify", "evidence",
       "Re-check an evidence bundle offline against the trust store: the same verdict a web "
       "app's server gets from onestop-verify.",
       s::object({{"evidence", Json{{"type", "object"}}},
                  {"challenge", s::string("The nonce the server issued for this read")},
                  {"origin", s::string("The origin the server expects")},
                  {"qr", s::string("The text of the QR code printed on the card")}},
                 {"evidence"}),
       s::object({{"verdict", verdictSchema()},
                  {"person", Json{{"type", Json::array({"object", "null"})}}}},
                 {"verdict", "person"}),
       [&services](const Json& params, CallContext& context) -> Result<Json> {
         auto evidence = workflows::evidenceFromJson(params["evidence"]);
         if (!evidence) return evidence.error();
         auto qr = qrParam(params);
         if (!qr) return qr.error();
         const auto contents = workflows::parseContents(evidence->dataGroups);
         workflows::VerifyOptions options;
         options.trust = services.trust.get();
         options.today = today();
         options.qr = *qr ? &**qr : nullptr;
         if (params.contains("challenge"))
           options.expectedChallenge = params["challenge"].get<std::string>();
         if (params.contains("origin"))
           options.expectedOrigin = params["origin"].get<std::string>();
         const auto verdict = workflows::verifyEvidence(*evidence, contents, options);
         auto audited = services.audit.append(
             auditRecord(context.session, "evidence.verify", "evidence", {},
                         verdict.failedReasons().empty() ? "OK" : "NOT_VERIFIED"));
         if (!audited) return audited.error();
         return Json{{"verdict", workflows::verdictToJson(verdict)},
                     {"person",
                      contents.person ? workflows::personToJson(*contents.person) : Json(nullptr)}};
       }});
}

}  // namespace onestop::api
