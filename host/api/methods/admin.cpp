// admin.*: plugin reports and the simulator's controls.
#include "onestop/api/methods.hpp"
#include "onestop/plugins/device_catalog.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

constexpr const char* kSimulatorPlugin = "simulator";
constexpr const char* kDefaultSimulatorReader = "simulator/reader-0";
constexpr const char* kDefaultSimulatorScanner = "simulator/scanner-0";
constexpr const char* kDefaultSimulatorPrinter = "simulator/printer-0";

Json pluginJson(const plugins::PluginReport& report) {
  Json out{{"id", report.id},
           {"version", report.version},
           {"vendor", report.vendor},
           {"kinds", report.kinds},
           {"abi", report.abi},
           {"state", report.state == plugins::PluginReport::State::Loaded ? "loaded" : "failed"}};
  if (!report.reason.empty()) out["reason"] = report.reason;
  if (!report.detail.empty()) out["detail"] = report.detail;
  return out;
}

// "simulator/reader-0" → "reader-0"; anything not owned by the simulator is refused.
Result<std::string> simulatorLocalId(const std::string& deviceId) {
  const std::string prefix = std::string(kSimulatorPlugin) + "/";
  if (deviceId.rfind(prefix, 0) != 0 || deviceId.size() == prefix.size()) {
    return Error(Reason::DeviceNotFound, "not a simulator device: " + deviceId);
  }
  return deviceId.substr(prefix.size());
}

// The simulator answers errors as {"error": "..."}; keep its words, not the JSON around them.
Error simulatorError(const Error& error, const std::string& deviceId) {
  std::string detail = error.detail();
  if (const Json parsed = Json::parse(detail, nullptr, false);
      parsed.is_object() && parsed.contains("error") && parsed["error"].is_string()) {
    detail = parsed["error"].get<std::string>();
  }
  return Error(error.reason(), deviceId + ": " + detail);
}

Result<Json> simulatorControl(plugins::DeviceCatalog& catalog, const Json& request,
                              const std::string& deviceId) {
  auto reply = catalog.control(kSimulatorPlugin, request.dump());
  if (!reply) return simulatorError(reply.error(), deviceId);
  Json parsed = Json::parse(*reply, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    return Error(Reason::PluginFailed, "simulator returned malformed JSON");
  }
  return parsed;
}

void registerScannerControls(MethodRegistry& registry, plugins::DeviceCatalog& catalog) {
  registry.add(
      {"admin.simulator.placeOnGlass", "admin",
       "Lay a simulated card (QR side down) on the simulator scanner's glass; null clears it.",
       s::object({{"scanner",
                   s::withDefault(s::string("Simulator scanner id"), kDefaultSimulatorScanner)},
                  {"card", Json{{"type", Json::array({"string", "null"})},
                                {"description", "Card model name (its folder), or null"}}}},
                 {"card"}),
       s::object(
           {{"scanner", s::string()}, {"card", Json{{"type", Json::array({"string", "null"})}}}},
           {"scanner", "card"}),
       [&catalog](const Json& params, CallContext&) -> Result<Json> {
         const auto scanner = params.value("scanner", std::string(kDefaultSimulatorScanner));
         auto local = simulatorLocalId(scanner);
         if (!local) return local.error();
         const Json& card = params["card"];
         Json request =
             card.is_null()
                 ? Json{{"command", "clearGlass"}, {"scanner", *local}}
                 : Json{{"command", "placeOnGlass"}, {"scanner", *local}, {"card", card}};
         auto reply = simulatorControl(catalog, request, scanner);
         if (!reply) return reply.error();
         return Json{{"scanner", scanner}, {"card", card}};
       }});

  registry.add(
      {"admin.simulator.scannerFault", "admin",
       "Make the simulator scanner fail its next jobs with a fault, or work again (\"none\").",
       s::object(
           {{"scanner",
             s::withDefault(s::string("Simulator scanner id"), kDefaultSimulatorScanner)},
            {"fault", s::enumOf({"none", "jammed", "coverOpen", "busy", "io", "noDocuments"})}},
           {"fault"}),
       s::object({{"scanner", s::string()}, {"fault", s::string()}}, {"scanner", "fault"}),
       [&catalog](const Json& params, CallContext&) -> Result<Json> {
         const auto scanner = params.value("scanner", std::string(kDefaultSimulatorScanner));
         auto local = simulatorLocalId(scanner);
         if (!local) return local.error();
         const auto fault = params["fault"].get<std::string>();
         auto reply = simulatorControl(
             catalog, Json{{"command", "setScannerFault"}, {"scanner", *local}, {"fault", fault}},
             scanner);
         if (!reply) return reply.error();
         return Json{{"scanner", scanner}, {"fault", fault}};
       }});

  registry.add(
      {"admin.simulator.printerFault", "admin",
       "Make the simulator printer refuse its next jobs (stopped: PRINTER_STOPPED, missing: "
       "DEVICE_NOT_FOUND), fail them after acceptance (jobFailed), or work again (\"none\").",
       s::object({{"printer",
                   s::withDefault(s::string("Simulator printer id"), kDefaultSimulatorPrinter)},
                  {"fault", s::enumOf({"none", "stopped", "missing", "jobFailed"})}},
                 {"fault"}),
       s::object({{"printer", s::string()}, {"fault", s::string()}}, {"printer", "fault"}),
       [&catalog](const Json& params, CallContext&) -> Result<Json> {
         const auto printer = params.value("printer", std::string(kDefaultSimulatorPrinter));
         auto local = simulatorLocalId(printer);
         if (!local) return local.error();
         const auto fault = params["fault"].get<std::string>();
         auto reply =
             simulatorControl(catalog,
                              Json{{"command", "setPrinterFault"},
                                   {"printer", *local},
                                   {"fault", fault == "none" ? Json(nullptr) : Json(fault)}},
                              printer);
         if (!reply) return reply.error();
         return Json{{"printer", printer}, {"fault", fault}};
       }});
}

}  // namespace

void registerAdminMethods(MethodRegistry& registry, plugins::DeviceCatalog& catalog) {
  registry.add(
      {"admin.plugins", "admin", "Every plugin found, loaded or refused, with the reason.",
       s::empty(),
       s::object({{"plugins",
                   s::arrayOf(s::object({{"id", s::string()},
                                         {"version", s::string()},
                                         {"vendor", s::string()},
                                         {"kinds", s::arrayOf(s::string())},
                                         {"abi", s::string()},
                                         {"state", s::enumOf({"loaded", "failed"})},
                                         {"reason", s::string("Machine-readable refusal reason")},
                                         {"detail", s::string()}},
                                        {"id", "state"}))}},
                 {"plugins"}),
       [&catalog](const Json&, CallContext&) -> Result<Json> {
         Json list = Json::array();
         for (const auto& report : catalog.plugins()) list.push_back(pluginJson(report));
         return Json{{"plugins", std::move(list)}};
       }});

  registry.add(
      {"admin.simulator.insertCard", "admin", "Place a simulated card on a simulator reader.",
       s::object(
           {{"reader", s::withDefault(s::string("Simulator reader id"), kDefaultSimulatorReader)},
            {"card", s::withDefault(s::string("Card model name"), "echo")}}),
       s::object({{"reader", s::string()}, {"atr", s::string()}}, {"reader", "atr"}),
       [&catalog](const Json& params, CallContext&) -> Result<Json> {
         const auto reader = params.value("reader", std::string(kDefaultSimulatorReader));
         auto local = simulatorLocalId(reader);
         if (!local) return local.error();
         auto reply = simulatorControl(catalog,
                                       Json{{"command", "insertCard"},
                                            {"reader", *local},
                                            {"card", params.value("card", std::string("echo"))}},
                                       reader);
         if (!reply) return reply.error();
         return Json{{"reader", reader}, {"atr", reply->value("atr", std::string())}};
       }});

  registry.add(
      {"admin.simulator.removeCard", "admin", "Take the simulated card off a simulator reader.",
       s::object(
           {{"reader", s::withDefault(s::string("Simulator reader id"), kDefaultSimulatorReader)}}),
       s::object({{"reader", s::string()}}, {"reader"}),
       [&catalog](const Json& params, CallContext&) -> Result<Json> {
         const auto reader = params.value("reader", std::string(kDefaultSimulatorReader));
         auto local = simulatorLocalId(reader);
         if (!local) return local.error();
         auto reply =
             simulatorControl(catalog, Json{{"command", "removeCard"}, {"reader", *local}}, reader);
         if (!reply) return reply.error();
         return Json{{"reader", reader}};
       }});

  registerScannerControls(registry, catalog);
}

}  // namespace onestop::api
