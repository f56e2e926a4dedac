// scan.pdf: the scanned pages of one document as one PDF for the case file (issue 6 attaches
// it), each page at its physical size. The PDF is a blob like the pages.
#include "card_params.hpp"
#include "onestop/api/blob_store.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/imaging/page_image.hpp"
#include "onestop/store/audit_log.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

constexpr std::size_t kMaxPdfPages = 200;

Result<Json> assemble(ScanServices& scans, const Json& params, CallContext& context) {
  std::vector<BlobStore::Blob> blobs;
  std::vector<imaging::PdfPageSource> sources;
  const auto& pages = params["pages"];
  blobs.reserve(pages.size());
  for (const auto& page : pages) {
    auto blob = scans.blobs.get(page["blob"].get<std::string>());
    if (!blob) {
      return Error(Reason::BlobNotFound,
                   "page " + std::to_string(blobs.size() + 1) + ": no such blob (or expired)");
    }
    blobs.push_back(std::move(*blob));
  }
  for (std::size_t i = 0; i < blobs.size(); ++i) {
    sources.push_back({blobs[i].bytes, pages[i]["resolution"].get<int>()});
  }
  const auto outcome = imaging::assemblePdf(sources);
  const auto appended = scans.audit.append(
      auditRecord(context.session, "scan.pdf", "document", {},
                  outcome ? std::string("OK") : std::string(reasonName(outcome.error().reason())),
                  std::to_string(sources.size()) + " pages"));
  if (!outcome) return outcome.error();
  if (!appended) return appended.error();  // no export of a citizen's pages without its record
  const auto bytes = outcome->size();
  auto blob = scans.blobs.put("application/pdf", *outcome);
  if (!blob) return Error(Reason::StorageFailed, "the blob store is full");
  return Json{
      {"blob", *blob}, {"mime", "application/pdf"}, {"pages", sources.size()}, {"bytes", bytes}};
}

}  // namespace

void registerScanPdfMethod(MethodRegistry& registry, ScanServices& scans) {
  const Json page =
      s::object({{"blob", s::string("A page's blob id (scan.page)")},
                 {"resolution", Json{{"type", "integer"}, {"minimum", 50}, {"maximum", 2400}}}},
                {"blob", "resolution"});
  Json pages = s::arrayOf(page);
  pages["minItems"] = 1;
  pages["maxItems"] = kMaxPdfPages;
  registry.add(
      {"scan.pdf", "scan",
       "The given scanned pages, in order, as one PDF blob (each page at its physical size from "
       "its resolution; JPEG pages embedded unchanged).",
       s::object({{"pages", pages}}, {"pages"}),
       s::object({{"blob", s::string("GET /v1/blobs/<blob>; expires")},
                  {"mime", s::string()},
                  {"pages", s::integer()},
                  {"bytes", s::integer()}},
                 {"blob", "mime", "pages", "bytes"}),
       [&scans](const Json& params, CallContext& context) -> Result<Json> {
         return assemble(scans, params, context);
       },
       /*longRunning=*/true});
}

}  // namespace onestop::api
