#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "virtual_printer.hpp"
#include "virtual_reader.hpp"
#include "virtual_scanner.hpp"

namespace onestop::simulator {

// Every virtual device of one simulator instance. Lookups throw sdk::StatusError(NO_DEVICE).
struct SimulatorDevices {
  std::vector<std::unique_ptr<VirtualReader>> readers;
  std::unique_ptr<VirtualScanner> scanner;
  std::unique_ptr<VirtualPrinter> printer;
  std::filesystem::path cardsFolder;  // where insertCard looks up card folders by name

  [[nodiscard]] VirtualReader& reader(std::string_view id) const;
  [[nodiscard]] VirtualScanner& scannerById(std::string_view id) const;
  [[nodiscard]] VirtualPrinter& printerById(std::string_view id) const;
};

}  // namespace onestop::simulator
