// system.*: version negotiation, product information, health.
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>

#include "onestop/api/methods.hpp"
#include "onestop/api/openrpc.hpp"
#include "onestop/api/session.hpp"
#include "onestop/plugins/device_catalog.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

std::string isoTime(std::chrono::system_clock::time_point t) {
  const std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::int64_t uptimeSeconds(const ProductInfo& product) {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now() -
                                                          product.startedAt)
      .count();
}

// Features a client may rely on in this build; grows as capabilities land.
Json features() {
  return Json::array({"events", "devices", "simulator", "openrpc"});
}

MethodSpec hello() {
  return {
      "system.hello",
      "system",
      "Negotiate the API version; the first call of every client.",
      s::object({{"client", s::withExamples(s::string("Client name and version, for diagnostics"),
                                            Json::array({"counter-app/2.3"}))},
                 {"apiVersions",
                  {{"type", "array"},
                   {"items", {{"type", "string"}, {"pattern", "^[0-9]+\\.[0-9]+$"}}},
                   {"minItems", 1},
                   {"examples", Json::array({Json::array({kApiVersion})})}}}},
                {"apiVersions"}),
      s::object({{"apiVersion", s::string()},
                 {"version", s::string()},
                 {"features", s::arrayOf(s::string())}},
                {"apiVersion", "version", "features"}),
      nullptr};
}

}  // namespace

void registerSystemMethods(MethodRegistry& registry, const ProductInfo& product,
                           const plugins::DeviceCatalog& catalog) {
  auto helloSpec = hello();
  helloSpec.handler = [product](const Json& params, CallContext& context) -> Result<Json> {
    const auto& wanted = params["apiVersions"];
    if (std::find(wanted.begin(), wanted.end(), kApiVersion) == wanted.end()) {
      return Error(Reason::UnsupportedApiVersion, std::string("this daemon speaks ") + kApiVersion);
    }
    context.session.setNegotiatedApiVersion(kApiVersion);
    return Json{
        {"apiVersion", kApiVersion}, {"version", product.version}, {"features", features()}};
  };
  registry.add(std::move(helloSpec));

  registry.add(
      {"system.info", "system", "Product version, platform and uptime.", s::empty(),
       s::object({{"version", s::string()},
                  {"apiVersions", s::arrayOf(s::string())},
                  {"platform", s::string()},
                  {"pid", s::integer()},
                  {"startedAt", s::string()},
                  {"uptimeSeconds", s::integer()}},
                 {"version", "apiVersions", "platform", "pid", "startedAt", "uptimeSeconds"}),
       [product](const Json&, CallContext&) -> Result<Json> {
         utsname un{};
         uname(&un);
         return Json{{"version", product.version},
                     {"apiVersions", Json::array({kApiVersion})},
                     {"platform", std::string(un.sysname) + " " + un.machine},
                     {"pid", static_cast<std::int64_t>(getpid())},
                     {"startedAt", isoTime(product.startedAt)},
                     {"uptimeSeconds", uptimeSeconds(product)}};
       }});

  registry.add(
      {"system.health", "system",
       "Overall health: degraded when a configured plugin failed to load.", s::empty(),
       s::object(
           {{"status", s::enumOf({"ok", "degraded"})},
            {"uptimeSeconds", s::integer()},
            {"checks", s::object({{"plugins", s::object({{"status", s::enumOf({"ok", "degraded"})},
                                                         {"loaded", s::integer()},
                                                         {"failed", s::integer()}},
                                                        {"status", "loaded", "failed"})}},
                                 {"plugins"})}},
           {"status", "uptimeSeconds", "checks"}),
       [product, &catalog](const Json&, CallContext&) -> Result<Json> {
         const auto reports = catalog.plugins();
         const auto failed = std::count_if(reports.begin(), reports.end(), [](const auto& r) {
           return r.state == plugins::PluginReport::State::Failed;
         });
         const auto loaded = static_cast<std::int64_t>(reports.size()) - failed;
         const char* status = failed == 0 ? "ok" : "degraded";
         return Json{{"status", status},
                     {"uptimeSeconds", uptimeSeconds(product)},
                     {"checks",
                      {{"plugins", {{"status", status}, {"loaded", loaded}, {"failed", failed}}}}}};
       }});
}

}  // namespace onestop::api
