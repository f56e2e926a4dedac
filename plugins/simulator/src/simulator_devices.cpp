#include "simulator_devices.hpp"

#include <string>

namespace onestop::simulator {
namespace {

[[noreturn]] void noDevice(std::string_view kind, std::string_view id) {
  throw sdk::StatusError(ONESTOP_E_NO_DEVICE,
                         "no " + std::string(kind) + " with id " + std::string(id));
}

}  // namespace

VirtualReader& SimulatorDevices::reader(std::string_view id) const {
  for (const auto& r : readers) {
    if (r->id() == id) return *r;
  }
  noDevice("reader", id);
}

VirtualScanner& SimulatorDevices::scannerById(std::string_view id) const {
  if (!scanner || scanner->id() != id) noDevice("scanner", id);
  return *scanner;
}

VirtualPrinter& SimulatorDevices::printerById(std::string_view id) const {
  if (!printer || printer->id() != id) noDevice("printer", id);
  return *printer;
}

}  // namespace onestop::simulator
