#include "control_commands.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <optional>

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

VirtualScanner& requestedScanner(const SimulatorDevices& d, const json& request) {
  const std::string fallback = d.scanner ? d.scanner->id() : std::string("scanner-0");
  return d.scannerById(field(request, "scanner", fallback));
}

json setScannerFault(const SimulatorDevices& d, const json& request) {
  static constexpr std::array<std::pair<std::string_view, onestop_status>, 6> kFaults{{
      {"none", ONESTOP_OK},
      {"jammed", ONESTOP_E_JAMMED},
      {"coverOpen", ONESTOP_E_COVER_OPEN},
      {"busy", ONESTOP_E_DEVICE_BUSY},
      {"io", ONESTOP_E_IO},
      {"noDocuments", ONESTOP_E_NO_DOCUMENTS},
  }};
  VirtualScanner& scanner = requestedScanner(d, request);
  const std::string fault = field(request, "fault", "none");
  const auto known = std::find_if(kFaults.begin(), kFaults.end(),
                                  [&](const auto& entry) { return entry.first == fault; });
  if (known == kFaults.end()) {
    invalid("unknown fault \"" + fault + "\" (none, jammed, coverOpen, busy, io, noDocuments)");
  }
  scanner.setFault(known->second);
  return {{"scanner", scanner.id()}, {"fault", fault}};
}

json placeOnGlass(const SimulatorDevices& d, const json& request) {
  VirtualScanner& scanner = requestedScanner(d, request);
  const std::string card = field(request, "card", "");
  if (card.empty()) invalid("placeOnGlass needs \"card\": a card folder name");
  scanner.placeOnGlass(card);
  return {{"scanner", scanner.id()}, {"glass", card}};
}

json clearGlass(const SimulatorDevices& d, const json& request) {
  VirtualScanner& scanner = requestedScanner(d, request);
  scanner.clearGlass();
  return {{"scanner", scanner.id()}, {"glass", nullptr}};
}

json setPrinterFault(const SimulatorDevices& d, const json& request) {
  const std::string fallback = d.printer ? d.printer->id() : std::string("printer-0");
  VirtualPrinter& printer = d.printerById(field(request, "printer", fallback));
  const auto it = request.find("fault");
  if (it == request.end()) {
    invalid("setPrinterFault needs \"fault\": stopped, missing, jobFailed or none");
  }
  VirtualPrinter::Fault fault = VirtualPrinter::Fault::None;
  // null clears, and so does "none", the word setScannerFault uses.
  if (!it->is_null() && *it != "none") {
    const auto parsed =
        it->is_string() ? VirtualPrinter::parseFault(it->get<std::string>()) : std::nullopt;
    if (!parsed) {
      invalid("unknown printer fault " + it->dump() + " (stopped, missing, jobFailed, none)");
    }
    fault = *parsed;
  }
  printer.setFault(fault);
  const auto name = VirtualPrinter::faultName(fault);
  return {{"printer", printer.id()}, {"fault", name ? json(std::string(*name)) : json(nullptr)}};
}

json printerFaultName(const SimulatorDevices& d) {
  if (!d.printer) return nullptr;
  const auto name = VirtualPrinter::faultName(d.printer->fault());
  return name ? json(std::string(*name)) : json(nullptr);
}

json status(const SimulatorDevices& d) {
  const auto glassCard = d.scanner ? d.scanner->glassCard() : std::nullopt;
  const json glass = glassCard ? json(*glassCard) : json(nullptr);
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
          {"glass", glass},
          {"printOutput", d.printer ? d.printer->outputFolder().string() : ""},
          {"printerFault", printerFaultName(d)}};
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
    } else if (command == "placeOnGlass") {
      result = placeOnGlass(devices, doc);
    } else if (command == "clearGlass") {
      result = clearGlass(devices, doc);
    } else if (command == "setPrinterFault" || command == "printerFault") {
      result = setPrinterFault(devices, doc);
    } else if (command == "status") {
      result = status(devices);
    } else {
      invalid("unknown command \"" + command +
              "\" (insertCard, removeCard, setScannerFault, placeOnGlass, clearGlass, "
              "setPrinterFault, status)");
    }
    response = result.dump();
    return ONESTOP_OK;
  } catch (const sdk::StatusError& e) {
    response = json{{"error", e.what()}}.dump();
    return e.status();
  }
}

}  // namespace onestop::simulator
