// print.submit / status / cancel: a PDF blob, or a case's form, to a printer. The job is then
// followed on a worker until it ends, its states going to the submitting session only. A
// printer fault is a typed error and never touches the case (it stays as it was).
#include <chrono>

#include "card_params.hpp"
#include "case_support.hpp"
#include "onestop/api/blob_store.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/print_jobs.hpp"
#include "onestop/api/session.hpp"
#include "onestop/store/audit_log.hpp"
#include "onestop/store/statistics.hpp"
#include "onestop/workflows/printing.hpp"
#include "schema_helpers.hpp"
#include "session_events.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

constexpr auto kPollInterval = std::chrono::milliseconds(100);
// A printer out of paper may hold a job for a long time; the page stops being told after this.
constexpr auto kFollowFor = std::chrono::minutes(30);

struct Document {
  std::vector<std::uint8_t> bytes;
  std::string title;    // never citizen data
  std::string subject;  // the audit record's subject
  std::string form;     // statistics key
};

Result<Document> documentOf(const Json& params, PrintServices& prints,
                            ProcedureServices* procedures) {
  if (params.contains("blob")) {
    auto blob = prints.blobs.get(params["blob"].get<std::string>());
    if (!blob) return Error(Reason::BlobNotFound, "blob: no such blob (or expired)");
    if (blob->mime != "application/pdf") {
      return Error(Reason::ValidationFailed, "blob: not a PDF (" + blob->mime + ")");
    }
    return Document{std::move(blob->bytes), "onestop-document", "blob", "document"};
  }
  if (!params.contains("case")) return Error(Reason::ValidationFailed, "blob or case is required");
  if (procedures == nullptr) return Error(Reason::NotSupported, "cases are not available");
  auto loaded = loadCase(*procedures, params["case"].get<std::string>());
  if (!loaded) return loaded.error();
  const auto form = params.value("form", std::string());
  auto rendered = renderCaseDocument(*procedures, *loaded, form, false, 0, 0);
  if (!rendered) return rendered.error();
  return Document{std::move(rendered->bytes), rendered->title, "case:" + loaded->record.id,
                  form.empty() ? std::string("forms") : form};
}

void follow(PrintServices& prints, const std::shared_ptr<Session>& session,
            const std::string& jobId, const std::string& printerId, const std::string& pluginJobId,
            const std::string& form) {
  const auto result = workflows::followPrintJob(
      prints.printers, printerId, pluginJobId,
      [&](plugins::PrintJobState state) {
        prints.jobs.setState(jobId, state);
        notifySession(session, "print.progress",
                      Json{{"job", jobId}, {"state", workflows::printJobStateName(state)}});
      },
      [&session] { return session->closed(); }, kPollInterval, kFollowFor);
  if (result.state == plugins::PrintJobState::Completed) {
    (void)prints.statistics.record({"print", form, "OK"});
    notifySession(session, "print.completed", Json{{"job", jobId}});
    return;
  }
  if (result.state == plugins::PrintJobState::Cancelled) {
    (void)prints.statistics.record({"print", form, "CANCELLED"});
    return;
  }
  if (result.state != plugins::PrintJobState::Failed && !result.error) return;
  const auto error =
      result.error.value_or(Error(Reason::PrintFailed, "the printer reported the job failed"));
  (void)prints.statistics.record({"print", form, std::string(reasonName(error.reason()))});
  notifySession(session, "print.failed", Json{{"job", jobId}, {"error", jobErrorPayload(error)}});
}

Result<Json> submit(PrintServices& prints, ProcedureServices* procedures, const Json& params,
                    CallContext& context) {
  auto printerId = workflows::choosePrinter(
      prints.printers.printers(), params.contains("printer")
                                      ? std::optional(params["printer"].get<std::string>())
                                      : std::nullopt);
  if (!printerId) return printerId.error();
  auto document = documentOf(params, prints, procedures);
  if (!document) return document.error();
  plugins::PrintOptions options;
  options.copies = params.value("copies", 1U);
  options.duplex = params.value("duplex", false);
  options.title = document->title;
  auto pluginJob = prints.printers.submit(*printerId, document->bytes, options);
  const auto outcome =
      pluginJob ? std::string("OK") : std::string(reasonName(pluginJob.error().reason()));
  // Printing hands citizen data to paper: the record is written whether or not it worked.
  auto audited = prints.audit.append(auditRecord(
      context.session, "print.submit", document->subject, {"form:" + document->form}, outcome,
      "printer " + *printerId + "; " + std::to_string(options.copies) + " copies"));
  if (!pluginJob) {
    (void)prints.statistics.record({"print", document->form, outcome});
    return pluginJob.error();
  }
  if (!audited) return audited.error();
  const auto jobId = prints.jobs.add(context.session.id(), *printerId, *pluginJob);
  auto session = context.session.shared_from_this();
  const bool queued = prints.runJob(
      [&prints, session, jobId, printer = *printerId, plugin = *pluginJob, form = document->form] {
        follow(prints, session, jobId, printer, plugin, form);
      });
  if (!queued) {
    return Error(Reason::TooManyRequests, "the job was sent; its progress cannot be followed");
  }
  return Json{{"job", jobId}, {"printer", *printerId}, {"state", "pending"}};
}

Json jobSchema() {
  return s::object(
      {{"job", s::string()},
       {"printer", s::string()},
       {"state", s::enumOf({"pending", "printing", "completed", "failed", "cancelled"})}},
      {"job", "printer", "state"});
}

}  // namespace

void registerPrintMethods(MethodRegistry& registry, PrintServices& prints,
                          ProcedureServices* procedures) {
  registry.add(
      {"print.submit", "print",
       "Prints a PDF blob, or a case's form (form omitted: everything the procedure prints; "
       "\"receipt\": its receipt). Progress as print.progress / print.completed / print.failed "
       "events to this session. Printer faults: PRINTER_STOPPED, DEVICE_NOT_FOUND, PRINT_FAILED.",
       s::object({{"printer", s::string("A printer's device id (devices.list); default: a real "
                                        "printer before the simulator")},
                  {"blob", s::string("A PDF blob (forms.render, scan.pdf)")},
                  {"case", s::string()},
                  {"form", s::string()},
                  {"copies", Json{{"type", "integer"}, {"minimum", 1}, {"maximum", 99}}},
                  {"duplex", s::boolean()}}),
       jobSchema(),
       [&prints, procedures](const Json& params, CallContext& context) -> Result<Json> {
         return submit(prints, procedures, params, context);
       },
       /*longRunning=*/true});
  registry.add({"print.status", "print", "A print job of this session as last seen.",
                s::object({{"job", s::string()}}, {"job"}), jobSchema(),
                [&prints](const Json& params, CallContext& context) -> Result<Json> {
                  const auto job =
                      prints.jobs.find(context.session.id(), params["job"].get<std::string>());
                  if (!job) return Error(Reason::JobNotFound, "no such print job in this session");
                  return Json{{"job", job->id},
                              {"printer", job->printerId},
                              {"state", workflows::printJobStateName(job->state)}};
                }});
  registry.add(
      {"print.cancel", "print", "Cancels a print job of this session that has not finished.",
       s::object({{"job", s::string()}}, {"job"}),
       s::object({{"cancelled", s::boolean()}}, {"cancelled"}),
       [&prints](const Json& params, CallContext& context) -> Result<Json> {
         const auto job = prints.jobs.find(context.session.id(), params["job"].get<std::string>());
         if (!job) return Error(Reason::JobNotFound, "no such print job in this session");
         if (workflows::isFinal(job->state)) return Json{{"cancelled", false}};
         if (auto ok = prints.printers.cancel(job->printerId, job->pluginJobId); !ok) {
           return ok.error();
         }
         return Json{{"cancelled", true}};
       }});
  registry.addEvent({"print.progress", "A print job's state changed (to the submitting session).",
                     s::object({{"job", s::string()}, {"state", s::string()}}, {"job", "state"})});
  registry.addEvent({"print.completed", "A print job finished printing.",
                     s::object({{"job", s::string()}}, {"job"})});
  registry.addEvent(
      {"print.failed", "A print job failed (the printer stopped, the queue went …).",
       s::object({{"job", s::string()}, {"error", jobErrorSchema()}}, {"job", "error"})});
}

}  // namespace onestop::api
