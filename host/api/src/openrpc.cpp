#include "onestop/api/openrpc.hpp"

#include <algorithm>

#include "onestop/api/error_catalog.hpp"

namespace onestop::api {
namespace {

Json contentDescriptors(const Json& paramsSchema) {
  Json out = Json::array();
  const auto properties = paramsSchema.find("properties");
  if (properties == paramsSchema.end()) return out;
  const auto required = paramsSchema.value("required", Json::array());
  for (const auto& [name, schema] : properties->items()) {
    Json descriptor{
        {"name", name},
        {"schema", schema},
        {"required", std::find(required.begin(), required.end(), name) != required.end()}};
    if (schema.contains("description")) descriptor["summary"] = schema["description"];
    out.push_back(std::move(descriptor));
  }
  return out;
}

Json methodObject(const MethodRegistry::Entry& entry) {
  const auto& spec = entry.spec;
  return Json{{"name", spec.name},
              {"summary", spec.summary},
              {"tags", Json::array({Json{{"name", spec.family}}})},
              {"paramStructure", "by-name"},
              {"params", contentDescriptors(spec.paramsSchema)},
              {"result", Json{{"name", "result"}, {"schema", spec.resultSchema}}},
              {"x-onestop-permission", spec.family}};
}

Json errorCatalog() {
  Json errors = Json::object();
  for (const auto reason : kAllReasons) {
    const auto& info = reasonInfo(reason);
    const std::string name(reasonName(reason));
    errors[name] = Json{{"code", info.code},
                        {"message", info.en},
                        {"data", Json{{"reason", name},
                                      {"retriable", info.retriable},
                                      {"message", {{"vi", info.vi}, {"en", info.en}}}}}};
  }
  return errors;
}

}  // namespace

Json openRpcDocument(const MethodRegistry& registry, const std::string& productVersion) {
  Json methods = Json::array();
  for (const auto* entry : registry.methods()) methods.push_back(methodObject(*entry));
  Json events = Json::array();
  for (const auto& event : registry.events()) {
    events.push_back(
        Json{{"name", event.name}, {"summary", event.summary}, {"params", event.paramsSchema}});
  }
  return Json{
      {"openrpc", "1.2.6"},
      {"info",
       {{"title", "onestop local API"},
        {"version", std::string(kApiVersion) + ".0"},
        {"description",
         "Local WebSocket JSON-RPC 2.0 API of onestopd (product version " + productVersion +
             "). Application errors carry data.reason, data.retriable and data.message.vi/en."}}},
      {"servers", Json::array({Json{{"name", "local"},
                                    {"url", "ws://127.0.0.1:{port}/v1"},
                                    {"variables", {{"port", {{"default", "47100"}}}}}}})},
      {"methods", std::move(methods)},
      {"components", {{"errors", errorCatalog()}}},
      {"x-onestop-events", std::move(events)}};
}

}  // namespace onestop::api
