// audit.query: who read which card data when — the record holds names of fields, never values.
#include "onestop/api/methods.hpp"
#include "onestop/store/audit_log.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {
namespace s = schema;
}

void registerAuditMethods(MethodRegistry& registry, store::AuditLog& audit) {
  registry.add(
      {"audit.query", "audit",
       "Audit records, newest first: time, origin, method, reader, released field names, outcome.",
       s::object(
           {{"method", s::string()},
            {"actor", s::string("An origin, or \"token\" for CLI clients")},
            {"since", s::string("RFC 3339 UTC, inclusive")},
            {"until", s::string("RFC 3339 UTC, exclusive")},
            {"limit",
             s::withDefault(Json{{"type", "integer"}, {"minimum", 1}, {"maximum", 1000}}, 100)}}),
       s::object({{"records", s::arrayOf(Json{{"type", "object"}})}, {"chainValid", s::boolean()}},
                 {"records", "chainValid"}),
       [&audit](const Json& params, CallContext&) -> Result<Json> {
         store::AuditLog::Query query;
         for (auto [name, target] :
              {std::pair{"method", &query.method}, std::pair{"actor", &query.actor},
               std::pair{"since", &query.since}, std::pair{"until", &query.until}}) {
           if (params.contains(name)) *target = params[name].get<std::string>();
         }
         query.limit = params.value("limit", std::size_t{100});
         auto entries = audit.query(query);
         if (!entries) return entries.error();
         Json records = Json::array();
         for (const auto& e : *entries) {
           records.push_back({{"sequence", e.sequence},
                              {"time", e.time},
                              {"actor", e.actor},
                              {"session", e.session},
                              {"method", e.method},
                              {"subject", e.subject},
                              {"fields", e.fields},
                              {"outcome", e.outcome},
                              {"detail", e.detail},
                              {"hash", e.hash}});
         }
         return Json{{"records", records}, {"chainValid", audit.verifyChain().ok()}};
       }});
}

}  // namespace onestop::api
