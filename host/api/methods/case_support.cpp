#include "case_support.hpp"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "card_params.hpp"
#include "onestop/api/card_reads.hpp"
#include "onestop/api/session.hpp"
#include "onestop/forms/form_renderer.hpp"
#include "onestop/procedures/procedure_registry.hpp"
#include "onestop/store/audit_log.hpp"
#include "onestop/workflows/card_contents.hpp"

namespace onestop::api {
namespace {

// Counters work in Vietnam's time (UTC+7, no daylight saving): "today" for due dates and the
// dates printed on forms must be the counter's, whatever the PC's time zone says.
std::tm vietnamTime() {
  const auto now = std::chrono::system_clock::now() + std::chrono::hours(7);
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return tm;
}

std::string isoDate(const std::tm& tm) {
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
  return buffer;
}

std::string isoDateTime(const std::tm& tm) {
  char buffer[48];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%S+07:00", &tm);
  return buffer;
}

Json attachedTo(const Json& attachments, const std::string& documentId) {
  Json out = Json::array();
  for (const auto& a : attachments) {
    if (a.value("document", std::string()) == documentId) out.push_back(a);
  }
  return out;
}

Json documentView(const Json& document, const Json& attachments) {
  const auto id = document.value("id", std::string());
  Json view{
      {"id", id},
      {"title", document.value("title", Json::object())},
      {"required", document.value("required", false)},
      {"availableInDb", document.value("available_in_db", document.value("availableInDb", false))},
      {"attached", attachedTo(attachments, id)}};
  if (document.contains("note")) view["note"] = document["note"];
  return view;
}

Json receiptView(const std::optional<store::Receipt>& receipt) {
  if (!receipt) return nullptr;
  return Json{{"kind", receipt->kind},
              {"number", receipt->number},
              {"fileCode", receipt->fileCode},
              {"issuedAt", receipt->issuedAt},
              {"dueDate", receipt->dueDate}};
}

std::string formId(const std::string& ref) {
  return ref.substr(0, ref.find('@'));
}

int pagesOf(const forms::FormCatalog& catalog, const std::string& ref) {
  const auto id = formId(ref);
  for (const auto& info : catalog.list()) {
    if (info.id == id) return info.pages;
  }
  return 1;
}

// The receipt's stored data with what the store assigned at submit (number, file code).
Json receiptData(const store::Receipt& receipt) {
  Json data = receipt.data.is_object() ? receipt.data : Json::object();
  data["number"] = receipt.number;
  data["file_code"] = receipt.fileCode;
  if (!receipt.dueDate.empty() && receipt.dueDate.size() == 10) {
    data["due_date"] = receipt.dueDate.substr(8, 2) + "/" + receipt.dueDate.substr(5, 2) + "/" +
                       receipt.dueDate.substr(0, 4);
  }
  return data;
}

}  // namespace

Result<LoadedCase> loadCase(ProcedureServices& services, const std::string& caseId) {
  auto record = services.cases.get(caseId);
  if (!record) return record.error();
  auto procedure = services.procedures.find(record->procedure);
  if (!procedure) return procedure.error();
  return LoadedCase{std::move(record).value(), std::move(procedure).value()};
}

Json scriptContext(const ProcedureServices& services, const std::string& caseId) {
  const auto tm = vietnamTime();
  const auto& u = services.unit;
  Json unit{{"name", u.value("name", std::string())},
            {"code", u.value("code", std::string())},
            {"province_code", u.value("provinceCode", std::string())},
            {"ward_code", u.value("wardCode", std::string())},
            {"place", u.value("place", std::string())},
            {"address", u.value("address", std::string())},
            {"phone", u.value("phone", std::string())}};
  Json ctx{
      {"today", isoDate(tm)}, {"now", isoDateTime(tm)}, {"unit", unit}, {"channel", "in_person"}};
  if (!caseId.empty()) ctx["case_id"] = caseId;
  return ctx;
}

Result<Json> caseView(ProcedureServices& services, const LoadedCase& loaded) {
  const auto& record = loaded.record;
  const auto ctx = scriptContext(services, record.id);
  auto problems = loaded.procedure->validate(record.form, ctx);
  if (!problems) return problems.error();
  auto documents = loaded.procedure->documents(record.form, ctx);
  if (!documents) return documents.error();
  Json documentViews = Json::array();
  if (documents->is_array()) {
    for (const auto& document : *documents) {
      if (document.is_object()) documentViews.push_back(documentView(document, record.attachments));
    }
  }
  Json card = nullptr;
  if (record.card.is_object()) {
    card = Json{{"source", record.card.value("source", std::string("manual"))},
                {"verified", record.card.value("verified", false)}};
  }
  return Json{{"id", record.id},
              {"procedure", record.procedure},
              {"procedureVersion", record.procedureVersion},
              {"status", std::string(store::caseStatusName(record.status))},
              {"revision", record.revision},
              {"form", record.form},
              {"problems", problems->is_array() ? *problems : Json::array()},
              {"documents", documentViews},
              {"card", card},
              {"createdAt", record.createdAt},
              {"updatedAt", record.updatedAt},
              {"operator", record.operatorId},
              {"receipt", receiptView(record.receipt)}};
}

Result<Json> cardRecordOfRead(ProcedureServices& services, const Session& session,
                              const std::string& readId) {
  const auto read = services.reads.find(session.id(), readId);
  if (!read) {
    return Error(Reason::InvalidState, "no finished card read " + readId +
                                           " in this session (reads are kept 10 minutes)");
  }
  if (!read->contents.person) {
    return Error(Reason::InvalidState, "the card read " + readId + " holds no citizen data");
  }
  return procedures::cardRecordFromPerson(workflows::personToJson(*read->contents.person), "chip",
                                          read->genuine);
}

Result<Json> householdOf(ProcedureServices& services, const Session& session,
                         const Json& household) {
  Json out{{"members", household.value("members", Json::array())}};
  if (household.contains("headCardRead")) {
    auto head = cardRecordOfRead(services, session, household["headCardRead"].get<std::string>());
    if (!head) return head.error();
    out["head"] = std::move(head).value();
  } else if (household.contains("head")) {
    out["head"] = household["head"];
  }
  return out;
}

Result<RenderedDocument> renderCaseDocument(ProcedureServices& services, const LoadedCase& loaded,
                                            const std::string& form, bool png, int page, int dpi) {
  const auto& record = loaded.record;
  RenderedDocument out;
  out.mime = png ? "image/png" : "application/pdf";
  Json list = Json::array();
  const bool wantsReceipt = form == "receipt" || (record.receipt && form == record.receipt->kind);
  if (wantsReceipt) {
    if (!record.receipt) {
      return Error(Reason::FormNotFound, "the case has no receipt yet (cases.submit issues it)");
    }
    list.push_back(Json{{"form", record.receipt->kind}, {"data", receiptData(*record.receipt)}});
  } else {
    auto rendered = loaded.procedure->render(record.form, scriptContext(services, record.id));
    if (!rendered) return rendered.error();
    for (const auto& item : *rendered) {
      if (!item.is_object() || !item.contains("form")) continue;
      if (form.empty() || formId(item["form"].get<std::string>()) == formId(form)) {
        list.push_back(item);
      }
    }
    if (list.empty()) {
      return Error(Reason::FormNotFound, form.empty()
                                             ? "the procedure prints no form"
                                             : "the procedure prints no form " + formId(form));
    }
  }
  out.title = record.id + "-" + (form.empty() ? std::string("forms") : formId(form));
  for (const auto& item : list) out.pages += pagesOf(services.forms, item["form"]);
  if (png) {
    // A page index counts across the list, as in the PDF.
    int first = 0;
    for (const auto& item : list) {
      const int pages = pagesOf(services.forms, item["form"]);
      if (page < first + pages) {
        auto bytes = services.forms.renderPng(item["form"], item.value("data", Json::object()),
                                              page - first, dpi);
        if (!bytes) return bytes.error();
        out.bytes = std::move(bytes).value();
        return out;
      }
      first += pages;
    }
    return Error(Reason::ValidationFailed,
                 "page: the document has " + std::to_string(out.pages) + " pages");
  }
  auto bytes = list.size() == 1 ? services.forms.renderPdf(list[0]["form"],
                                                           list[0].value("data", Json::object()))
                                : services.forms.renderPdfBundle(list);
  if (!bytes) return bytes.error();
  out.bytes = std::move(bytes).value();
  return out;
}

Result<void> auditCase(ProcedureServices& services, const Session& session,
                       const std::string& method, const std::string& caseId,
                       std::vector<std::string> fields, const std::string& outcome,
                       const std::string& detail) {
  auto appended = services.audit.append(
      auditRecord(session, method, "case:" + caseId, std::move(fields), outcome, detail));
  if (!appended) return appended.error();
  return {};
}

}  // namespace onestop::api
