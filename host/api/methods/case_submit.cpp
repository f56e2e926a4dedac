// cases.submit: the end of the counter transaction. The officer's decision becomes exactly one
// intake receipt (residence.md §2): CT04 accepted with a due date, CT05 what to add, CT06
// refusal citing the law. The store numbers it; the PDF is rendered at once as a blob.
#include "case_support.hpp"
#include "onestop/api/blob_store.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/session.hpp"
#include "onestop/procedures/procedure_registry.hpp"
#include "onestop/store/statistics.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

// The national code of "Cấp tài khoản định danh điện tử mức 2" (residence.md §3.1): its cases
// are also counted as eID registrations.
constexpr const char* kEidLevel2ProcedureCode = "1.011411";

struct Decision {
  const char* kind;     // receipt form
  const char* outcome;  // statistics
};

Decision decisionOf(const std::string& outcome) {
  if (outcome == "supplement") return {"CT05", "returned"};
  if (outcome == "refused") return {"CT06", "refused"};
  return {"CT04", "submitted"};
}

std::size_t errorCount(const Json& problems) {
  std::size_t errors = 0;
  for (const auto& problem : problems) {
    if (problem.value("severity", std::string("error")) == "error") ++errors;
  }
  return errors;
}

std::string slashDate(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

// "09 giờ 30 phút, ngày 23/11/2026" from ctx.now.
std::string receivedAt(const std::string& now) {
  if (now.size() < 16) return now;
  return now.substr(11, 2) + " giờ " + now.substr(14, 2) + " phút, ngày " +
         slashDate(now.substr(0, 10));
}

std::string dueDateOf(const ProcedureServices& services, const Json& manifest,
                      const std::string& today) {
  const auto limit = manifest.value("timeLimit", Json::object());
  if (limit.value("immediate", false)) return today;
  const int days = limit.value("workingDays", 0);
  if (days <= 0 || !services.addWorkingDays) return today;
  return services.addWorkingDays(today, days);
}

// What every receipt prints, from the case and the unit; the procedure's P.receipt adds to it
// and may override any key.
Json receiptDefaults(const Json& form, const Json& card, const Json& ctx, const Json& params,
                     const std::string& dueDate) {
  const auto& unit = ctx["unit"];
  const auto place = unit.value("place", std::string());
  const auto today = ctx["today"].get<std::string>();
  Json data{{"unit_name", unit.value("name", std::string())},
            {"applicant_name", form.value("full_name", std::string())},
            {"applicant_id_number", form.value("id_number", std::string())},
            {"phone", form.value("phone", std::string())},
            {"email", form.value("email", std::string())},
            {"received_at", receivedAt(ctx["now"].get<std::string>())},
            {"due_date", slashDate(dueDate)},
            {"delivery", params.value("delivery", std::string("paper"))},
            {"collect_at", unit.value("address", std::string())},
            {"contact_unit", unit.value("name", std::string())},
            {"contact_phone", unit.value("phone", std::string())},
            {"signature_place_date", place + ", ngày " + today.substr(8, 2) + " tháng " +
                                         today.substr(5, 2) + " năm " + today.substr(0, 4)}};
  if (card.is_object()) {
    data["permanent_residence"] = card.value("place_of_residence", std::string());
  }
  if (params.contains("missing")) data["missing"] = params["missing"];
  if (params.contains("reason")) data["reason"] = params["reason"];
  if (params.contains("legalProvision")) data["legal_provision"] = params["legalProvision"];
  return data;
}

Result<Json> submit(ProcedureServices& services, const Json& params, CallContext& context) {
  auto loaded = loadCase(services, params["case"].get<std::string>());
  if (!loaded) return loaded.error();
  const auto outcome = params["outcome"].get<std::string>();
  const auto decision = decisionOf(outcome);
  if (outcome == "refused" && !params.contains("reason")) {
    return Error(Reason::ValidationFailed, "reason: a refusal (CT06) states its reason");
  }
  if (outcome == "supplement" && !params.contains("missing")) {
    return Error(Reason::ValidationFailed, "missing: CT05 lists what to add, once and in full");
  }
  const auto& record = loaded->record;
  const auto ctx = scriptContext(services, record.id);
  auto problems = loaded->procedure->validate(record.form, ctx);
  if (!problems) return problems.error();
  if (outcome == "accepted" && errorCount(*problems) > 0) {
    context.errorDetails = Json{{"problems", *problems}};
    return Error(Reason::ValidationFailed,
                 std::to_string(errorCount(*problems)) + " fields need correcting before intake");
  }
  auto extra = loaded->procedure->receipt(record.form, ctx);
  if (!extra) return extra.error();
  const auto today = ctx["today"].get<std::string>();
  const auto dueDate =
      outcome == "accepted" ? dueDateOf(services, loaded->procedure->manifest(), today) : "";
  Json data = receiptDefaults(record.form, record.card, ctx, params, dueDate);
  if (extra->is_object()) data.update(*extra);

  store::Receipt receipt;
  receipt.kind = decision.kind;
  receipt.dueDate = dueDate;
  receipt.data = data;
  auto submitted = services.cases.submit(record.id, receipt);
  if (!submitted) return submitted.error();
  LoadedCase done{std::move(submitted).value(), loaded->procedure};

  const auto& procedureId = done.record.procedure;
  (void)services.statistics.record({"case", procedureId, decision.outcome});
  if (loaded->procedure->manifest().value("procedureCode", std::string()) ==
      kEidLevel2ProcedureCode) {
    (void)services.statistics.record({"eid_registration", "level2", decision.outcome});
  }
  auto pdf = renderCaseDocument(services, done, "receipt", false, 0, 0);
  if (!pdf) return pdf.error();
  if (auto audited = auditCase(services, context.session, "cases.submit", done.record.id,
                               {"form", std::string("receipt:") + decision.kind}, "OK", outcome);
      !audited) {
    return audited.error();
  }
  const auto bytes = pdf->bytes.size();
  auto blob = services.blobs.put("application/pdf", std::move(pdf->bytes));
  if (!blob) return Error(Reason::StorageFailed, "the blob store is full");
  auto view = caseView(services, done);
  if (!view) return view.error();
  const auto& stored = *done.record.receipt;
  return Json{{"case", *view},
              {"receipt",
               {{"kind", stored.kind},
                {"number", stored.number},
                {"fileCode", stored.fileCode},
                {"dueDate", stored.dueDate},
                {"blob",
                 {{"id", *blob},
                  {"url", "/v1/blobs/" + *blob},
                  {"mime", "application/pdf"},
                  {"bytes", bytes}}}}}};
}

}  // namespace

void registerCaseSubmitMethod(MethodRegistry& registry, ProcedureServices& services) {
  registry.add(
      {"cases.submit", "cases",
       "Ends intake with the officer's decision: accepted (CT04 with the due date from the "
       "procedure's time limit in working days), supplement (CT05) or refused (CT06). "
       "Accepted with field errors is VALIDATION_FAILED with details.problems.",
       s::object({{"case", s::string()},
                  {"outcome", s::enumOf({"accepted", "supplement", "refused"})},
                  {"missing", s::arrayOf(s::string())},
                  {"reason", s::string()},
                  {"legalProvision", s::string()},
                  {"delivery", s::withDefault(s::enumOf({"paper", "electronic", "sms"}), "paper")}},
                 {"case", "outcome"}),
       s::object({{"case", Json{{"type", "object"}}}, {"receipt", Json{{"type", "object"}}}},
                 {"case", "receipt"}, false),
       [&services](const Json& params, CallContext& context) -> Result<Json> {
         return submit(services, params, context);
       },
       /*longRunning=*/true});
}

}  // namespace onestop::api
