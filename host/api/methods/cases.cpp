// cases.create / prefill / update / validate / get / list: a counter transaction from the card
// read to a checked form. Every call that hands out or changes a case's citizen data is audited
// first; the form itself lives encrypted in the store (host/store).
#include <set>

#include "card_params.hpp"
#include "case_support.hpp"
#include "onestop/api/blob_store.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/session.hpp"
#include "onestop/procedures/procedure_registry.hpp"
#include "onestop/store/audit_log.hpp"
#include "onestop/store/statistics.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

std::string actorOf(const Session& session) {
  return session.origin().empty() ? std::string("token") : session.origin();
}

// The ids of the procedure's fields, and those a prefill owns (filled from card or household).
struct FieldIds {
  std::set<std::string> all;
  std::set<std::string> fromPrefill;
};
FieldIds fieldIds(const procedures::Procedure& procedure) {
  FieldIds ids;
  for (const auto& field : procedure.fields()) {
    if (!field.is_object() || !field.contains("id")) continue;
    const auto id = field["id"].get<std::string>();
    ids.all.insert(id);
    const auto source = field.value("source", std::string());
    if (source == "card" || source == "household") ids.fromPrefill.insert(id);
  }
  return ids;
}

// A patch names fields of the procedure; null removes a value.
Result<Json> applyPatch(const procedures::Procedure& procedure, Json form, const Json& patch) {
  const auto ids = fieldIds(procedure);
  for (const auto& [key, value] : patch.items()) {
    if (!ids.all.contains(key)) {
      return Error(Reason::ValidationFailed, "form." + key + ": not a field of " + procedure.id());
    }
    if (value.is_null()) {
      form.erase(key);
    } else {
      form[key] = value;
    }
  }
  return form;
}

Result<Json> withView(ProcedureServices& services, Session& session, const std::string& method,
                      const LoadedCase& loaded, std::vector<std::string> fields,
                      const std::string& detail = {}) {
  if (auto audited =
          auditCase(services, session, method, loaded.record.id, std::move(fields), "OK", detail);
      !audited) {
    return audited.error();
  }
  auto view = caseView(services, loaded);
  if (!view) return view.error();
  return Json{{"case", *view}};
}

Result<Json> create(ProcedureServices& services, const Json& params, CallContext& context) {
  auto procedure = services.procedures.find(params["procedure"].get<std::string>());
  if (!procedure) return procedure.error();
  Json card = nullptr;
  if (params.contains("cardRead")) {
    auto record = cardRecordOfRead(services, context.session, params["cardRead"]);
    if (!record) return record.error();
    card = std::move(record).value();
  }
  Json household = nullptr;
  if (params.contains("household")) {
    auto given = householdOf(services, context.session, params["household"]);
    if (!given) return given.error();
    household = std::move(given).value();
  }
  auto form = (*procedure)->prefill(card, household, scriptContext(services, ""));
  if (!form) return form.error();
  if (!form->is_object()) *form = Json::object();
  if (params.contains("form")) {
    auto patched = applyPatch(**procedure, *form, params["form"]);
    if (!patched) return patched.error();
    form = std::move(patched);
  }
  store::NewCase fresh;
  fresh.procedure = (*procedure)->id();
  fresh.procedureVersion = (*procedure)->manifest().value("version", std::string());
  fresh.operatorId = actorOf(context.session);
  fresh.form = *form;
  fresh.card = card;
  if (card.is_object()) fresh.citizenIdNumber = card.value("id_number", std::string());
  auto record = services.cases.create(fresh);
  if (!record) return record.error();
  (void)services.statistics.record({"case", fresh.procedure, "created"});
  std::vector<std::string> fields{"form"};
  if (card.is_object()) fields.emplace_back("card");
  return withView(services, context.session, "cases.create",
                  LoadedCase{std::move(record).value(), *procedure}, fields,
                  card.is_object() ? "prefilled from a card read" : "");
}

Result<Json> prefill(ProcedureServices& services, const Json& params, CallContext& context) {
  auto loaded = loadCase(services, params["case"]);
  if (!loaded) return loaded.error();
  Json card = loaded->record.card;
  if (params.contains("cardRead")) {
    auto record = cardRecordOfRead(services, context.session, params["cardRead"]);
    if (!record) return record.error();
    card = std::move(record).value();
  }
  Json household = nullptr;
  if (params.contains("household")) {
    auto given = householdOf(services, context.session, params["household"]);
    if (!given) return given.error();
    household = std::move(given).value();
  }
  auto fresh =
      loaded->procedure->prefill(card, household, scriptContext(services, loaded->record.id));
  if (!fresh) return fresh.error();
  // What the card or household gives is taken anew; what staff typed stays.
  Json form = loaded->record.form;
  for (const auto& id : fieldIds(*loaded->procedure).fromPrefill) {
    if (fresh->is_object() && fresh->contains(id)) form[id] = (*fresh)[id];
  }
  auto updated = services.cases.update(
      loaded->record.id, form, std::nullopt, std::nullopt, card,
      card.is_object() ? card.value("id_number", std::string()) : std::string());
  if (!updated) return updated.error();
  return withView(services, context.session, "cases.prefill",
                  LoadedCase{std::move(updated).value(), loaded->procedure}, {"form", "card"});
}

Result<Json> attachmentsOf(ProcedureServices& services, const Json& given) {
  Json out = Json::array();
  for (const auto& item : given) {
    const auto blobId = item["blob"].get<std::string>();
    auto blob = services.blobs.get(blobId);
    if (!blob) return Error(Reason::BlobNotFound, "attachments: no such blob (or expired)");
    Json attachment{{"document", item["document"]},
                    {"blob", blobId},
                    {"mime", blob->mime},
                    {"bytes", blob->bytes.size()}};
    if (item.contains("pages")) attachment["pages"] = item["pages"];
    out.push_back(std::move(attachment));
  }
  return out;
}

Result<Json> update(ProcedureServices& services, const Json& params, CallContext& context) {
  auto loaded = loadCase(services, params["case"]);
  if (!loaded) return loaded.error();
  std::optional<Json> form;
  if (params.contains("form")) {
    auto patched = applyPatch(*loaded->procedure, loaded->record.form, params["form"]);
    if (!patched) return patched.error();
    form = std::move(patched).value();
  }
  std::optional<Json> attachments;
  if (params.contains("attachments")) {
    auto given = attachmentsOf(services, params["attachments"]);
    if (!given) return given.error();
    attachments = std::move(given).value();
  }
  std::optional<std::int64_t> revision;
  if (params.contains("revision")) revision = params["revision"].get<std::int64_t>();
  auto updated = services.cases.update(loaded->record.id, form, attachments, revision);
  if (!updated) return updated.error();
  return withView(services, context.session, "cases.update",
                  LoadedCase{std::move(updated).value(), loaded->procedure}, {"form"});
}

Result<Json> validate(ProcedureServices& services, const Json& params, CallContext& context) {
  auto loaded = loadCase(services, params["case"]);
  if (!loaded) return loaded.error();
  auto view = withView(services, context.session, "cases.validate", *loaded, {});
  if (!view) return view.error();
  return Json{{"problems", (*view)["case"]["problems"]}};
}

Result<Json> get(ProcedureServices& services, const Json& params, CallContext& context) {
  auto loaded = loadCase(services, params["case"]);
  if (!loaded) return loaded.error();
  return withView(services, context.session, "cases.get", *loaded, {"form", "card"});
}

Result<Json> list(ProcedureServices& services, const Json& params, CallContext& context) {
  store::CaseQuery query;
  if (params.contains("procedure")) query.procedure = params["procedure"].get<std::string>();
  if (params.contains("status")) query.status = params["status"].get<std::string>();
  if (params.contains("idNumber")) query.citizenIdNumber = params["idNumber"].get<std::string>();
  if (params.contains("since")) query.since = params["since"].get<std::string>();
  if (params.contains("until")) query.until = params["until"].get<std::string>();
  query.limit = params.value("limit", std::size_t{50});
  auto found = services.cases.list(query);
  if (!found) return found.error();
  // Looking a citizen up is an access to their data even when nothing is returned.
  auto audited = services.audit.append(auditRecord(context.session, "cases.list", "cases", {}, "OK",
                                                   query.citizenIdNumber ? "by ID number" : ""));
  if (!audited) return audited.error();
  Json cases = Json::array();
  for (const auto& summary : *found) {
    cases.push_back(
        Json{{"id", summary.id},
             {"procedure", summary.procedure},
             {"status", summary.status},
             {"createdAt", summary.createdAt},
             {"updatedAt", summary.updatedAt},
             {"operator", summary.operatorId},
             {"receiptKind", summary.receiptKind ? Json(*summary.receiptKind) : Json()},
             {"receiptNumber", summary.receiptNumber ? Json(*summary.receiptNumber) : Json()}});
  }
  return Json{{"cases", cases}};
}

Json caseIdSchema() {
  return s::withExamples(s::string("A case id from cases.create"), Json{"HS-20261123-000001"});
}

Json caseResult() {
  return s::object({{"case", Json{{"type", "object"}}}}, {"case"}, false);
}

Json householdSchema() {
  return s::object(
      {{"headCardRead", s::string("A card read of the household head, in this session")},
       {"head", Json{{"type", "object"}}},
       {"members", s::arrayOf(Json{{"type", "object"}})}});
}

}  // namespace

void registerCaseMethods(MethodRegistry& registry, ProcedureServices& services) {
  auto bind = [&services](auto handler) {
    return [&services, handler](const Json& params, CallContext& context) -> Result<Json> {
      return handler(services, params, context);
    };
  };
  const Json formPatch{{"type", "object"},
                       {"description", "field id → value; null removes a value"}};
  registry.add({"cases.create", "cases",
                "A new case of a procedure, prefilled from a card read of this session (and the "
                "household head's) when given.",
                s::object({{"procedure", s::string("A procedure id from procedures.list")},
                           {"cardRead", s::string("A readId of card.read / card.readFromQr")},
                           {"household", householdSchema()},
                           {"form", formPatch}},
                          {"procedure"}),
                caseResult(), bind(create)});
  registry.add(
      {"cases.prefill", "cases",
       "Runs the procedure's prefill again (another card read, the household head): "
       "fields from card or household are replaced, what staff typed stays.",
       s::object(
           {{"case", caseIdSchema()}, {"cardRead", s::string()}, {"household", householdSchema()}},
           {"case"}),
       caseResult(), bind(prefill)});
  registry.add(
      {"cases.update", "cases",
       "Changes fields (a patch) and/or the attached documents of a draft case; problems are "
       "recomputed.",
       s::object({{"case", caseIdSchema()},
                  {"form", formPatch},
                  {"attachments",
                   s::arrayOf(s::object({{"document", s::string("A document id of the case")},
                                         {"blob", s::string("A scan or PDF blob")},
                                         {"pages", s::integer()}},
                                        {"document", "blob"}))},
                  {"revision", s::withExamples(s::integer(), Json{1})}},
                 {"case"}),
       caseResult(), bind(update)});
  registry.add({"cases.validate", "cases", "The case's field-level problems (vi/en).",
                s::object({{"case", caseIdSchema()}}, {"case"}),
                s::object({{"problems", s::arrayOf(Json{{"type", "object"}})}}, {"problems"}),
                bind(validate)});
  registry.add({"cases.get", "cases", "One case with its form, problems, documents and receipt.",
                s::object({{"case", caseIdSchema()}}, {"case"}), caseResult(), bind(get)});
  Json limit{{"type", "integer"}, {"minimum", 1}, {"maximum", 1000}, {"default", 50}};
  registry.add(
      {"cases.list", "cases",
       "Cases, newest first, without citizen data; filter by procedure, status, the citizen's ID "
       "number (matched through a keyed index, never stored in clear) and creation time.",
       s::object({{"procedure", s::string()},
                  {"status", s::enumOf({"draft", "submitted", "returned", "refused"})},
                  {"idNumber", Json{{"type", "string"}, {"pattern", "^[0-9]{9,12}$"}}},
                  {"since", s::string("RFC 3339 or a prefix: 2026-11-23")},
                  {"until", s::string()},
                  {"limit", limit}}),
       s::object({{"cases", s::arrayOf(Json{{"type", "object"}})}}, {"cases"}), bind(list)});
}

}  // namespace onestop::api
