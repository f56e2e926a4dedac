// The JSON Schema every configuration is checked against before it is used: a typo is an error
// that names the key, not a silently ignored setting.
#include "config_schema.hpp"

namespace onestop::daemon {
namespace {

api::Json closedObject(api::Json properties) {
  return api::Json{
      {"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
}
api::Json integerIn(std::int64_t min, std::int64_t max) {
  return api::Json{{"type", "integer"}, {"minimum", min}, {"maximum", max}};
}
api::Json stringList() {
  return api::Json{{"type", "array"}, {"items", {{"type", "string"}, {"minLength", 1}}}};
}

api::Json originObject() {
  auto schema =
      closedObject({{"origin", {{"type", "string"}, {"pattern", "^https?://[^/?#\\s]+$"}}},
                    {"families", stringList()}});
  schema["required"] = {"origin"};
  return schema;
}

api::Json onlineVerifierSchema() {
  auto simulator = closedObject({{"kind", {{"enum", {"simulator"}}}},
                                 {"revokedIdNumbers", stringList()},
                                 {"unknownIdNumbers", stringList()},
                                 {"unavailable", {{"type", "boolean"}}},
                                 {"appQr", {{"type", "boolean"}}}});
  simulator["required"] = {"kind"};
  return api::Json{{"oneOf", api::Json::array({api::Json{{"type", "null"}}, simulator})}};
}

}  // namespace

const api::Json& configSchema() {
  static const api::Json schema = closedObject({
      {"server", closedObject({{"bind",
                                {{"type", "array"},
                                 {"minItems", 1},
                                 {"items", {{"type", "string"}, {"minLength", 1}}}}},
                               {"port", integerIn(0, 65535)},
                               {"maxConnections", integerIn(1, 4096)},
                               {"maxMessageBytes", integerIn(1024, 64 << 20)},
                               {"maxBatch", integerIn(1, 1000)},
                               {"handshakeTimeoutSeconds", integerIn(1, 120)},
                               {"idleTimeoutSeconds", integerIn(5, 86400)},
                               {"pingIntervalSeconds", integerIn(1, 3600)}})},
      {"security",
       closedObject(
           {{"allowedOrigins",
             {{"type", "array"},
              {"items",
               {{"oneOf",
                 {{{"type", "string"}, {"pattern", "^https?://[^/?#\\s]+$"}}, originObject()}}}}}},
            {"allowedHosts", stringList()}})},
      {"plugins",
       closedObject(
           {{"dirs", stringList()},
            {"disabled", stringList()},
            {"settings", {{"type", "object"}, {"additionalProperties", {{"type", "object"}}}}}})},
      {"runtimeDir", {{"type", "string"}}},
      {"webRoot", {{"type", "string"}}},
      {"stateDir", {{"type", "string"}}},
      {"trust", closedObject({{"dirs", stringList()}})},
      {"procedures", closedObject({{"dirs", stringList()},
                                   {"watchIntervalMs", integerIn(0, 3600000)},
                                   {"adminUnitsDir", {{"type", "string"}}},
                                   {"holidaysFile", {{"type", "string"}}}})},
      {"forms", closedObject({{"dirs", stringList()}})},
      {"unit", closedObject({{"name", {{"type", "string"}, {"minLength", 1}, {"maxLength", 200}}},
                             {"code", {{"type", "string"}, {"pattern", "^[0-9A-Za-z]{1,16}$"}}},
                             {"provinceCode", {{"type", "string"}, {"pattern", "^[0-9]{2}$"}}},
                             {"wardCode", {{"type", "string"}, {"pattern", "^[0-9]{5}$"}}},
                             {"place", {{"type", "string"}, {"maxLength", 100}}},
                             {"address", {{"type", "string"}, {"maxLength", 300}}},
                             {"phone", {{"type", "string"}, {"maxLength", 40}}}})},
      {"records",
       closedObject({{"retentionDays", integerIn(0, 36500)}, {"keyFile", {{"type", "string"}}}})},
      {"eid", closedObject({{"onlineVerifier", onlineVerifierSchema()}})},
      {"blobs", closedObject({{"ttlSeconds", integerIn(10, 86400)},
                              {"maxBytes", integerIn(1 << 20, std::int64_t{4} << 30)}})},
      {"logging", closedObject({{"level",
                                 {{"enum",
                                   {"trace", "debug", "information", "notice", "warning", "error",
                                    "critical", "fatal"}}}},
                                {"format", {{"enum", {"text", "json"}}}}})},
  });
  return schema;
}

}  // namespace onestop::daemon
