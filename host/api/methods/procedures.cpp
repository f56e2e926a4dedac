// procedures.list / get / reload: what the loaded Lua procedures offer. Reload is an admin
// action: the registry keeps a version that serves until its replacement loads cleanly.
#include "case_support.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/procedures/procedure_registry.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

Json summaryOf(const procedures::Procedure& procedure) {
  const auto& m = procedure.manifest();
  return Json{{"id", procedure.id()},
              {"version", m.value("version", std::string())},
              {"title", m.value("title", Json::object())},
              {"procedureCode", m.value("procedureCode", std::string())},
              {"timeLimit", m.value("timeLimit", Json::object())},
              {"fee", m.value("fee", Json::object())},
              {"forms", m.value("forms", Json::array())},
              {"receipt", m.value("receipt", std::string("CT04"))}};
}

Json problemsJson(const std::vector<procedures::LoadProblem>& problems) {
  Json out = Json::array();
  for (const auto& p : problems) {
    out.push_back(Json{{"id", p.id}, {"reason", p.reason}, {"detail", p.detail}});
  }
  return out;
}

Json ids(const std::vector<std::string>& list) {
  return Json(list);
}

}  // namespace

void registerProcedureMethods(MethodRegistry& registry, ProcedureServices& services) {
  registry.add({"procedures.list", "procedures",
                "The loaded procedures (title, national procedure code, time limit, fees, forms) "
                "and the folders refused with their reason.",
                s::empty(),
                s::object({{"procedures", s::arrayOf(Json{{"type", "object"}})},
                           {"problems", s::arrayOf(Json{{"type", "object"}})}},
                          {"procedures", "problems"}),
                [&services](const Json&, CallContext&) -> Result<Json> {
                  Json list = Json::array();
                  for (const auto& procedure : services.procedures.list()) {
                    list.push_back(summaryOf(*procedure));
                  }
                  return Json{{"procedures", list},
                              {"problems", problemsJson(services.procedures.problems())}};
                }});
  registry.add(
      {"procedures.get", "procedures",
       "One procedure: its manifest (legal basis, documents …), its field schema and the "
       "documents of an empty form.",
       s::object({{"id", s::withExamples(s::string(), Json{"tam-tru"})}}, {"id"}),
       s::object({{"manifest", Json{{"type", "object"}}},
                  {"fields", Json{{"type", "array"}}},
                  {"documents", Json{{"type", "array"}}}},
                 {"manifest", "fields", "documents"}),
       [&services](const Json& params, CallContext&) -> Result<Json> {
         auto procedure = services.procedures.find(params["id"].get<std::string>());
         if (!procedure) return procedure.error();
         auto documents =
             (*procedure)->documents(Json::object(), scriptContext(services, std::string()));
         if (!documents) return documents.error();
         return Json{{"manifest", (*procedure)->manifest()},
                     {"fields", (*procedure)->fields()},
                     {"documents", *documents}};
       }});
  registry.add({"procedures.reload", "admin",
                "Rescans the procedure folders now (they are also watched): changed folders "
                "load again, a broken edit is reported and the previous version keeps serving.",
                s::empty(),
                s::object({{"loaded", s::arrayOf(s::string())},
                           {"unchanged", s::arrayOf(s::string())},
                           {"removed", s::arrayOf(s::string())},
                           {"problems", s::arrayOf(Json{{"type", "object"}})}},
                          {"loaded", "unchanged", "removed", "problems"}),
                [&services](const Json&, CallContext&) -> Result<Json> {
                  const auto report = services.procedures.reload();
                  return Json{{"loaded", ids(report.loaded)},
                              {"unchanged", ids(report.unchanged)},
                              {"removed", ids(report.removed)},
                              {"problems", problemsJson(report.problems)}};
                }});
}

}  // namespace onestop::api
