// scan.*: scanner capabilities, scan jobs whose pages arrive as blobs (scan.page), and cancel.
// Pages go to the session that started the job and to nobody else: a scanned document is a
// citizen's.
#include "onestop/api/blob_store.hpp"
#include "onestop/api/error_catalog.hpp"
#include "onestop/api/event_hub.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/scan_jobs.hpp"
#include "onestop/api/session.hpp"
#include "onestop/common/base64.hpp"
#include "scan_params.hpp"
#include "schema_helpers.hpp"
#include "session_events.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

Json capabilitiesJson(const std::string& scannerId, const plugins::ScannerCapabilities& caps) {
  Json modes = Json::array();
  for (const auto mode : caps.modes) modes.push_back(scanModeName(mode));
  Json sources = Json::array();
  for (const auto source : caps.sources) sources.push_back(scanSourceName(source));
  return Json{{"scanner", scannerId},
              {"modes", modes},
              {"sources", sources},
              {"resolutions", caps.resolutionsDpi},
              {"maxArea",
               {{"widthMm", caps.maxWidthUm / 1000.0}, {"heightMm", caps.maxHeightUm / 1000.0}}}};
}

// The page's image bytes are in the blob by now: `bytes` is their count.
Json pageEvent(const std::string& jobId, const workflows::ScannedPage& page,
               const std::string& blob, std::size_t bytes) {
  return Json{{"jobId", jobId},
              {"index", page.index},
              {"blob", blob},
              {"mime", page.image.mime},
              {"width", page.image.width},
              {"height", page.image.height},
              {"resolution", page.resolutionDpi},
              {"bytes", bytes},
              {"thumbnail",
               {{"mime", page.thumbnail.mime},
                {"data", base64Encode(page.thumbnail.data)},
                {"width", page.thumbnail.width},
                {"height", page.thumbnail.height}}}};
}

// The job's body, on a scan thread: pages to blobs and events, then the audit record and the
// final event. The job leaves the registry before its last event, so a scan.cancel after
// scan.completed answers {cancelled: false}.
void runJob(ScanServices& scans, const std::shared_ptr<ScanJobs::Job>& job,
            const std::shared_ptr<Session>& session, const std::string& purpose) {
  const auto& jobId = job->jobId;
  auto outcome = job->scan->run([&](workflows::ScannedPage page) -> Result<void> {
    const auto bytes = page.image.data.size();
    auto blob = scans.blobs.put(page.image.mime, std::move(page.image.data));
    if (!blob) return Error(Reason::StorageFailed, "the blob store is full");
    notifySession(session, "scan.page", pageEvent(jobId, page, *blob, bytes));
    return {};
  });
  // The record of a scan that delivered pages is not optional: without it the job fails.
  if (auto audited = auditScan(scans, *session, "scan.start", job->scan->scannerId(), purpose,
                               outcome.pages, outcome.error);
      !audited && !outcome.error) {
    outcome.error = audited.error();
  }
  scans.jobs.remove(jobId);
  if (!outcome.error) {
    notifySession(session, "scan.completed", Json{{"jobId", jobId}, {"pages", outcome.pages}});
    return;
  }
  notifySession(
      session, "scan.failed",
      Json{{"jobId", jobId}, {"pages", outcome.pages}, {"error", jobErrorPayload(*outcome.error)}});
}

Json areaSchema() {
  Json mm{{"type", "number"}, {"minimum", 0}, {"maximum", 2000}};
  return s::object({{"left", mm}, {"top", mm}, {"width", mm}, {"height", mm}},
                   {"left", "top", "width", "height"});
}

Json startParams() {
  return s::object(
      {{"scanner", s::string("Scanner device id; omitted: the only scanner")},
       {"mode", s::withDefault(s::enumOf({"color", "gray", "lineart"}), "color")},
       {"resolution",
        s::withDefault(Json{{"type", "integer"}, {"minimum", 50}, {"maximum", 2400}}, 300)},
       {"source", s::withDefault(s::enumOf({"flatbed", "adf"}), "flatbed")},
       {"area", areaSchema()},
       {"pages", s::withDefault(Json{{"type", "integer"}, {"minimum", 0}, {"maximum", 500}}, 0)},
       {"format", s::enumOf({"png", "jpeg"})},
       {"purpose", s::withDefault(s::enumOf({"document", "card"}), "document")}});
}

Json jobIdOnly() {
  return s::object({{"jobId", s::string()}}, {"jobId"});
}

void registerEvents(MethodRegistry& registry) {
  registry.addEvent(
      {"scan.page", "A scanned page, as a blob (to the scanning session only).",
       s::object({{"jobId", s::string()},
                  {"index", s::integer()},
                  {"blob", s::string("GET /v1/blobs/<blob>; expires")},
                  {"mime", s::enumOf({"image/png", "image/jpeg"})},
                  {"width", s::integer()},
                  {"height", s::integer()},
                  {"resolution", s::integer()},
                  {"bytes", s::integer()},
                  {"thumbnail", s::object({{"mime", s::string()},
                                           {"data", s::string("base64")},
                                           {"width", s::integer()},
                                           {"height", s::integer()}})}},
                 {"jobId", "index", "blob", "mime", "width", "height", "thumbnail"})});
  registry.addEvent(
      {"scan.completed", "A scan job ended normally.",
       s::object({{"jobId", s::string()}, {"pages", s::integer()}}, {"jobId", "pages"})});
  registry.addEvent(
      {"scan.failed", "A scan job ended with a fault or was cancelled (reason CANCELLED).",
       s::object({{"jobId", s::string()}, {"pages", s::integer()}, {"error", jobErrorSchema()}},
                 {"jobId", "pages", "error"})});
}

}  // namespace

void registerScanMethods(MethodRegistry& registry, ScanServices& scans) {
  registry.add(
      {"scan.capabilities", "scan", "What a scanner offers: modes, sources, resolutions, area.",
       s::object({{"scanner", s::string("Scanner device id; omitted: the only scanner")}}),
       s::object({{"scanner", s::string()},
                  {"modes", s::arrayOf(s::enumOf({"color", "gray", "lineart"}))},
                  {"sources", s::arrayOf(s::enumOf({"flatbed", "adf"}))},
                  {"resolutions", s::arrayOf(s::integer())},
                  {"maxArea", s::object({{"widthMm", s::number()}, {"heightMm", s::number()}})}},
                 {"scanner", "modes", "sources", "resolutions", "maxArea"}),
       [&scans](const Json& params, CallContext& context) -> Result<Json> {
         auto scanner = chooseScannerFor(scans, params, context);
         if (!scanner) return scanner.error();
         auto caps = scans.scanners.capabilities(*scanner);
         if (!caps) return caps.error();
         return capabilitiesJson(*scanner, *caps);
       }});

  registry.add(
      {"scan.start", "scan",
       "Start a scan job; replies at once with its id. Pages arrive as scan.page (a blob each), "
       "then scan.completed or scan.failed, to the calling session only.",
       startParams(), jobIdOnly(),
       [&scans](const Json& params, CallContext& context) -> Result<Json> {
         auto scanner = chooseScannerFor(scans, params, context);
         if (!scanner) return scanner.error();
         auto request = scanRequestFrom(scans, *scanner, params);
         if (!request) return request.error();
         auto scan = workflows::DocumentScan::claim(scans.scanners, scans.claims, *request);
         if (!scan) return scan.error();
         auto session = context.session.shared_from_this();
         auto job = scans.jobs.add(session->id(), std::move(scan).value());
         if (!job) return job.error();
         // A closing page stops its scans: nobody is left to receive the pages.
         session->onClose([&jobs = scans.jobs, id = session->id(), jobId = (*job)->jobId] {
           jobs.cancel(id, jobId);
         });
         const auto purpose = params.value("purpose", std::string("document"));
         if (!scans.runJob([&scans, job = *job, session, purpose] {
               runJob(scans, job, session, purpose);
             })) {
           scans.jobs.remove((*job)->jobId);
           return Error(Reason::TooManyRequests, "too many scans running");
         }
         return Json{{"jobId", (*job)->jobId}};
       }});

  registry.add({"scan.cancel", "scan",
                "Cancel this session's scan job; scan.failed with reason CANCELLED follows.",
                jobIdOnly(), s::object({{"cancelled", s::boolean()}}, {"cancelled"}),
                [&scans](const Json& params, CallContext& context) -> Result<Json> {
                  return Json{{"cancelled", scans.jobs.cancel(context.session.id(),
                                                              params["jobId"].get<std::string>())}};
                }});

  registerEvents(registry);
}

}  // namespace onestop::api
