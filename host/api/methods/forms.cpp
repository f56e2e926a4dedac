// forms.render / forms.list: a case's forms (or its receipt) as a PDF or a PNG page preview,
// handed out as a blob. Rendering a form is an export of citizen data: audited first.
#include "case_support.hpp"
#include "onestop/api/blob_store.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/forms/form_renderer.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

Result<Json> render(ProcedureServices& services, const Json& params, CallContext& context) {
  auto loaded = loadCase(services, params["case"].get<std::string>());
  if (!loaded) return loaded.error();
  const auto form = params.value("form", std::string());
  const bool png = params.value("format", std::string("pdf")) == "png";
  auto document = renderCaseDocument(services, *loaded, form, png, params.value("page", 0),
                                     params.value("dpi", 96));
  const auto outcome =
      document ? std::string("OK") : std::string(reasonName(document.error().reason()));
  auto audited = auditCase(services, context.session, "forms.render", loaded->record.id,
                           {form.empty() ? std::string("forms") : "form:" + form}, outcome,
                           png ? "png" : "pdf");
  if (!document) return document.error();
  if (!audited) return audited.error();
  const auto bytes = document->bytes.size();
  auto blob = services.blobs.put(document->mime, std::move(document->bytes));
  if (!blob) return Error(Reason::StorageFailed, "the blob store is full");
  return Json{
      {"blob",
       {{"id", *blob}, {"url", "/v1/blobs/" + *blob}, {"mime", document->mime}, {"bytes", bytes}}},
      {"pages", document->pages}};
}

}  // namespace

void registerFormMethods(MethodRegistry& registry, ProcedureServices& services) {
  registry.add(
      {"forms.render", "forms",
       "A case's form as an A4 PDF, or one page of it as a PNG preview: one form of the "
       "procedure (CT01, TK01 …), its receipt (\"receipt\"), or everything it prints (no form).",
       s::object({{"case", s::string()},
                  {"form", s::withExamples(s::string(), Json{"CT01"})},
                  {"format", s::withDefault(s::enumOf({"pdf", "png"}), "pdf")},
                  {"page", Json{{"type", "integer"}, {"minimum", 0}, {"maximum", 50}}},
                  {"dpi", Json{{"type", "integer"}, {"minimum", 36}, {"maximum", 300}}}},
                 {"case"}),
       s::object({{"blob", Json{{"type", "object"}}}, {"pages", s::integer()}}, {"blob", "pages"}),
       [&services](const Json& params, CallContext& context) -> Result<Json> {
         return render(services, params, context);
       },
       /*longRunning=*/true});
  registry.add({"forms.list", "forms",
                "The form templates loaded (id, version, title, pages) and the templates "
                "refused with the reason.",
                s::empty(),
                s::object({{"forms", s::arrayOf(Json{{"type", "object"}})},
                           {"problems", s::arrayOf(s::string())}},
                          {"forms", "problems"}),
                [&services](const Json&, CallContext&) -> Result<Json> {
                  Json list = Json::array();
                  for (const auto& info : services.forms.list()) {
                    list.push_back(Json{{"id", info.id},
                                        {"version", info.version},
                                        {"title", info.title},
                                        {"pages", info.pages}});
                  }
                  return Json{{"forms", list}, {"problems", services.forms.problems()}};
                }});
}

}  // namespace onestop::api
