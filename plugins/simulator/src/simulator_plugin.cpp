#include "simulator_plugin.hpp"

#include <nlohmann/json.hpp>

#include "card_model_registry.hpp"
#include "control_commands.hpp"
#include "plugin_location.hpp"
#include "simulator_config.hpp"

namespace onestop::simulator {

SimulatorPlugin::SimulatorPlugin(sdk::Host host, std::string_view configJson) : sdk::Plugin(host) {
  const SimulatorConfig config = parseSimulatorConfig(configJson, pluginFolder());
  for (int i = 0; i < config.readers; ++i) {
    devices_.readers.push_back(
        std::make_unique<VirtualReader>("reader-" + std::to_string(i), host));
  }
  devices_.scanner = std::make_unique<VirtualScanner>("scanner-0", config.scanImages, config.cards);
  if (!config.glass.empty()) devices_.scanner->placeOnGlass(config.glass);
  devices_.printer = std::make_unique<VirtualPrinter>("printer-0", config.printOutput);
  devices_.cardsFolder = config.cards;
  if (!config.insertedCard.empty()) {
    auto card = makeCardModel(config.insertedCard, nlohmann::json::object(), config.cards);
    if (!card) {
      throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT,
                             "simulator config: unknown card model " + config.insertedCard);
    }
    if (devices_.readers.empty()) {
      throw sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT,
                             "simulator config: insertedCard needs at least one reader");
    }
    // No event: the host learns of this card from enumerate's CARD_PRESENT flag.
    devices_.readers.front()->insert(config.insertedCard, std::move(card), false);
  }
  host.log(ONESTOP_LOG_INFO, "simulator ready with " + std::to_string(config.readers) +
                                 " reader(s), a scanner and a printer");
}

std::vector<sdk::Device> SimulatorPlugin::devices() {
  std::vector<sdk::Device> list;
  for (const auto& r : devices_.readers) list.push_back(r->device());
  list.push_back(devices_.scanner->device());
  list.push_back(devices_.printer->device());
  return list;
}

onestop_status SimulatorPlugin::control(std::string_view request, std::string& response) {
  return runControlCommand(devices_, request, response);
}

onestop_status SimulatorPlugin::readerFeatures(const std::string& readerId,
                                               onestop_reader_features& out) {
  return devices_.reader(readerId).features(out);
}

onestop_status SimulatorPlugin::connect(const std::string& readerId,
                                        std::unique_ptr<sdk::CardConnection>& connection,
                                        std::vector<std::uint8_t>& atr) {
  return devices_.reader(readerId).connect(connection, atr);
}

onestop_status SimulatorPlugin::scannerCapabilities(const std::string& scannerId,
                                                    onestop_scanner_caps& out) {
  return devices_.scannerById(scannerId).capabilities(out);
}

onestop_status SimulatorPlugin::startScan(const std::string& scannerId,
                                          const onestop_scan_options& options,
                                          std::unique_ptr<sdk::ScanJob>& job) {
  return devices_.scannerById(scannerId).start(options, job);
}

onestop_status SimulatorPlugin::printerCapabilities(const std::string& printerId,
                                                    onestop_printer_caps& out) {
  return devices_.printerById(printerId).capabilities(out);
}

onestop_status SimulatorPlugin::submit(const std::string& printerId,
                                       std::span<const std::uint8_t> pdf,
                                       const sdk::PrintOptions& /*options*/, std::string& jobId) {
  return devices_.printerById(printerId).submit(pdf, jobId);
}

onestop_status SimulatorPlugin::jobState(const std::string& printerId, const std::string& jobId,
                                         onestop_print_state& state) {
  return devices_.printerById(printerId).jobState(jobId, state);
}

onestop_status SimulatorPlugin::cancelJob(const std::string& printerId, const std::string& jobId) {
  return devices_.printerById(printerId).cancel(jobId);
}

}  // namespace onestop::simulator
