#include "control_commands.hpp"

#include <nlohmann/json.hpp>

#include "card_model_registry.hpp"
#include "hex.hpp"

namespace onestop::simulator {
namespace {

using nlohmann::json;

[[noreturn]] void invalid(const std::string& why) {
  throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT, why);
}

std::string field(const json& request, const char* name, const std::string& fallback) {
  const auto it = request.find(name);
  if (it == request.end()) return fallback;
  if (!it->is_string()) invalid(std::string("\"") + name + "\" must be a string");
  return it->get<std::string>();
}

std::string firstReader(const SimulatorDevices& d) {
  return d.readers.empty() ? std::string("reader-0") : d.readers.front()->id();
}

json insertCard(const SimulatorDevices& d, const json& request) {
  VirtualReader& reader = d.reader(field(request, "reader", firstReader(d)));
  const std::string name = field(request, "card", "");
  if (name.empty()) invalid("insertCard needs \"card\"");
  auto card = makeCardModel(name, request, d.cardsFolder);
  if (!card) invalid("unknown card model \"" + name + "\"");
  const auto atr = reader.insert(name, std::move(card));
  return {{"reader", reader.id()}, {"card", name}, {"atr", toHex(atr)}};
}

json removeCard(const SimulatorDevices& d, const json& request) {
  VirtualReader& reader = d.reader(field(request, "reader", firstReader(d)));
  const bool removed = reader.remove();
  return {{"reader", reader.id()}, {"removed", removed}};
}

json setScannerFault(const SimulatorDevices& d, const json& request) {
  const std::string fallback = d.scanner ? d.scanner->id() : std::string("scanner-0");
  VirtualScanner& scanner = d.scannerById(field(request, "scanner", fallback));
  const std::string fault = field(request, "fault", "none");
  if (fault == "none") {
    scanner.setFault(ONESTOP_OK);
  } else if (fault == "jammed") {
    scanner.setFault(ONESTOP_E_JAMMED);
  } else if (fault == "coverOpen") {
    scanner.setFault(ONESTOP_E_COVER_OPEN);
  } else {
    invalid("unknown fault \"" + fault + "\" (none, jammed, coverOpen)");
  }
  return {{"scanner", scanner.id()}, {"fault", fault}};
}

json status(const SimulatorDevices& d) {
  json readers = json::array();
  for (const auto& r : d.readers) {
    const auto card = r->cardName();
    readers.push_back({{"id", r->id()},
                       {"card", card ? json(*card) : json(nullptr)},
                       {"cardStatus", r->cardStatus()}});
  }
  return {{"readers", readers},
          {"cardModels", cardModelNames()},
          {"cards", d.cardsFolder.string()},
          {"scanImages", d.scanner ? d.scanner->imageFolder().string() : ""},
          {"printOutput", d.printer ? d.printer->outputFolder().string() : ""}};
}

}  // namespace

onestop_status runControlCommand(const SimulatorDevices& devices, std::string_view request,
                                 std::string& response) {
  try {
    const json doc = json::parse(request.begin(), request.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) invalid("the request is not a JSON object");
    const std::string command = field(doc, "command", "");
    json result;
    if (command == "insertCard") {
      result = insertCard(devices, doc);
    } else if (command == "removeCard") {
      result = removeCard(devices, doc);
    } else if (command == "setScannerFault") {
      result = setScannerFault(devices, doc);
    } else if (command == "status") {
      result = status(devices);
    } else {
      invalid("unknown command \"" + command +
              "\" (insertCard, removeCard, setScannerFault, status)");
    }
    response = result.dump();
    return ONESTOP_OK;
  } catch (const sdk::StatusError& e) {
    response = json{{"error", e.what()}}.dump();
    return e.status();
  }
}

}  // namespace onestop::simulator
