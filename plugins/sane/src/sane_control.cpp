#include "sane_control.hpp"

#include <nlohmann/json.hpp>

#include "sane_library.hpp"

namespace onestop::sane {
namespace {

using nlohmann::json;

[[noreturn]] void invalid(const std::string& why) {
  throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT, why);
}

std::string deviceOf(const json& request) {
  const auto it = request.find("device");
  if (it == request.end() || !it->is_string() || it->get<std::string>().empty()) {
    invalid("\"device\" must name a SANE device, e.g. \"test:0\"");
  }
  return it->get<std::string>();
}

json status(const ControlContext& c) {
  json devices = json::array();
  for (const auto& d : c.listDevices()) devices.push_back({{"id", d.name}, {"name", d.label}});
  return {{"saneVersion", SaneSession::version()},
          {"allowNetworkBackends", c.allowNetworkBackends},
          {"devices", devices},
          {"options", c.vendorOptions.all()}};
}

json clearOptions(ControlContext& c, const json& request) {
  const std::string device = deviceOf(request);
  std::vector<std::string> names;
  if (const auto it = request.find("options"); it != request.end() && !it->is_null()) {
    if (!it->is_array()) invalid("clearOptions: \"options\" must be an array of option names");
    for (const auto& n : *it) {
      if (!n.is_string()) invalid("clearOptions: option names must be strings");
      names.push_back(n.get<std::string>());
    }
  }
  c.vendorOptions.clear(device, names);
  return {{"device", device}, {"options", c.vendorOptions.all().value(device, json::object())}};
}

json setOptions(ControlContext& c, const json& request) {
  const std::string device = deviceOf(request);
  const auto it = request.find("options");
  if (it == request.end()) invalid("setOptions needs \"options\"");
  c.vendorOptions.set(device, *it);
  return {{"device", device}, {"options", c.vendorOptions.all().value(device, json::object())}};
}

}  // namespace

onestop_status handleControl(ControlContext& context, std::string_view request,
                             std::string& response) {
  try {
    const json doc = json::parse(request.begin(), request.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) invalid("the request is not a JSON object");
    const auto command = doc.value("command", std::string());
    if (command == "status") {
      response = status(context).dump();
    } else if (command == "setOptions") {
      response = setOptions(context, doc).dump();
    } else if (command == "clearOptions") {
      response = clearOptions(context, doc).dump();
    } else {
      invalid("unknown command \"" + command + "\" (status, setOptions, clearOptions)");
    }
    return ONESTOP_OK;
  } catch (const sdk::StatusError& e) {
    response = json{{"error", e.what()}}.dump();
    return e.status();
  }
}

}  // namespace onestop::sane
