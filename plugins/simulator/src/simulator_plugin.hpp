#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "onestop/plugin.hpp"
#include "simulator_devices.hpp"

namespace onestop::simulator {

// The "simulator" device plugin: virtual readers (reader-0…), scanner-0 and printer-0, for CI and
// for page developers without hardware. Card insertion and faults come through control().
class SimulatorPlugin final : public sdk::Plugin,
                              public sdk::ReaderPlugin,
                              public sdk::ScannerPlugin,
                              public sdk::PrinterPlugin {
 public:
  SimulatorPlugin(sdk::Host host, std::string_view configJson);

  std::vector<sdk::Device> devices() override;
  onestop_status control(std::string_view request, std::string& response) override;

  onestop_status readerFeatures(const std::string& readerId, onestop_reader_features& out) override;
  onestop_status connect(const std::string& readerId,
                         std::unique_ptr<sdk::CardConnection>& connection,
                         std::vector<std::uint8_t>& atr) override;

  onestop_status scannerCapabilities(const std::string& scannerId,
                                     onestop_scanner_caps& out) override;
  onestop_status startScan(const std::string& scannerId, const onestop_scan_options& options,
                           std::unique_ptr<sdk::ScanJob>& job) override;

  onestop_status printerCapabilities(const std::string& printerId,
                                     onestop_printer_caps& out) override;
  onestop_status submit(const std::string& printerId, std::span<const std::uint8_t> pdf,
                        const sdk::PrintOptions& options, std::string& jobId) override;
  onestop_status jobState(const std::string& printerId, const std::string& jobId,
                          onestop_print_state& state) override;
  onestop_status cancelJob(const std::string& printerId, const std::string& jobId) override;

 private:
  SimulatorDevices devices_;
};

}  // namespace onestop::simulator
