// stats.report / stats.export: the unit's counts per day — cases by procedure and outcome, card
// reads by path and result, verifications by verdict, eID level-2 registrations. Counts only:
// the statistics table holds no citizen data.
#include <chrono>
#include <ctime>

#include "card_params.hpp"
#include "case_support.hpp"
#include "onestop/api/blob_store.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/session.hpp"
#include "onestop/store/audit_log.hpp"
#include "onestop/store/statistics.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

constexpr int kDefaultDays = 30;

std::string isoDaysBefore(const std::string& iso, int days) {
  std::tm tm{};
  tm.tm_year = std::stoi(iso.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(iso.substr(5, 2)) - 1;
  tm.tm_mday = std::stoi(iso.substr(8, 2)) - days;
  tm.tm_hour = 12;
  const std::time_t t = timegm(&tm);
  std::tm out{};
  gmtime_r(&t, &out);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &out);
  return buffer;
}

struct Range {
  std::string from, to;
};

Result<Range> rangeOf(const ProcedureServices& services, const Json& params) {
  Range range;
  range.to = params.value("to", scriptContext(services, "")["today"].get<std::string>());
  range.from = params.value("from", isoDaysBefore(range.to, kDefaultDays - 1));
  if (range.from > range.to) return Error(Reason::ValidationFailed, "from: after to");
  return range;
}

Json totalsOf(const std::vector<store::StatRow>& rows) {
  Json totals{{"cases", Json::object()},
              {"cardReads", Json::object()},
              {"verifications", Json::object()},
              {"prints", Json::object()},
              {"eidRegistrations", 0}};
  for (const auto& row : rows) {
    if (row.kind == "case") {
      auto& slot = totals["cases"][row.key][row.outcome];
      slot = slot.is_null() ? row.count : slot.get<std::int64_t>() + row.count;
    } else if (row.kind == "card_read") {
      auto& slot = totals["cardReads"][row.key][row.outcome];
      slot = slot.is_null() ? row.count : slot.get<std::int64_t>() + row.count;
    } else if (row.kind == "verification") {
      auto& slot = totals["verifications"][row.key];
      slot = slot.is_null() ? row.count : slot.get<std::int64_t>() + row.count;
    } else if (row.kind == "print") {
      auto& slot = totals["prints"][row.outcome];
      slot = slot.is_null() ? row.count : slot.get<std::int64_t>() + row.count;
    } else if (row.kind == "eid_registration" && row.outcome == "submitted") {
      totals["eidRegistrations"] = totals["eidRegistrations"].get<std::int64_t>() + row.count;
    }
  }
  return totals;
}

Json rowsJson(const std::vector<store::StatRow>& rows) {
  Json out = Json::array();
  for (const auto& row : rows) {
    out.push_back(Json{{"day", row.day},
                       {"kind", row.kind},
                       {"key", row.key},
                       {"outcome", row.outcome},
                       {"count", row.count}});
  }
  return out;
}

Json rangeSchema() {
  const Json day{{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}};
  return s::object({{"from", s::withExamples(day, Json{"2026-11-01"})},
                    {"to", s::withExamples(day, Json{"2026-11-30"})}});
}

}  // namespace

void registerStatsMethods(MethodRegistry& registry, ProcedureServices& services) {
  registry.add({"stats.report", "stats",
                "Counts per day (Vietnam time) between from and to (inclusive; default the last 30 "
                "days): cases by procedure and outcome, card reads, verdicts, prints, eID level-2 "
                "registrations; and their totals.",
                rangeSchema(),
                s::object({{"from", s::string()},
                           {"to", s::string()},
                           {"rows", s::arrayOf(Json{{"type", "object"}})},
                           {"totals", Json{{"type", "object"}}}},
                          {"from", "to", "rows", "totals"}),
                [&services](const Json& params, CallContext&) -> Result<Json> {
                  auto range = rangeOf(services, params);
                  if (!range) return range.error();
                  auto rows = services.statistics.report(range->from, range->to);
                  if (!rows) return rows.error();
                  return Json{{"from", range->from},
                              {"to", range->to},
                              {"rows", rowsJson(*rows)},
                              {"totals", totalsOf(*rows)}};
                }});
  registry.add(
      {"stats.export", "stats", "The same counts as CSV (day,kind,key,outcome,count), as a blob.",
       rangeSchema(), s::object({{"blob", Json{{"type", "object"}}}}, {"blob"}),
       [&services](const Json& params, CallContext& context) -> Result<Json> {
         auto range = rangeOf(services, params);
         if (!range) return range.error();
         auto rows = services.statistics.report(range->from, range->to);
         if (!rows) return rows.error();
         const auto csv = store::Statistics::toCsv(*rows);
         auto audited = services.audit.append(auditRecord(
             context.session, "stats.export", "statistics", {}, "OK",
             range->from + ".." + range->to + "; " + std::to_string(rows->size()) + " rows"));
         if (!audited) return audited.error();
         auto blob =
             services.blobs.put("text/csv", std::vector<std::uint8_t>(csv.begin(), csv.end()));
         if (!blob) return Error(Reason::StorageFailed, "the blob store is full");
         return Json{{"blob",
                      {{"id", *blob},
                       {"url", "/v1/blobs/" + *blob},
                       {"mime", "text/csv"},
                       {"bytes", csv.size()}}}};
       }});
}

}  // namespace onestop::api
