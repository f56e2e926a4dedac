#include "onestop/workflows/printing.hpp"

#include <algorithm>
#include <thread>

#include "onestop/plugins/plugin_host.hpp"
#include "onestop/plugins/printer.hpp"

namespace onestop::workflows {

std::vector<plugins::DeviceSnapshot> PluginPrinterAccess::printers() const {
  std::vector<plugins::DeviceSnapshot> out;
  for (auto& device : host_.devices()) {
    if (device.kind == plugins::DeviceKind::Printer) out.push_back(std::move(device));
  }
  return out;
}

Result<std::string> PluginPrinterAccess::submit(const std::string& printerId,
                                                std::span<const std::uint8_t> pdf,
                                                const plugins::PrintOptions& options) {
  auto printer = host_.printer(printerId);
  if (!printer) return printer.error();
  return (*printer)->submit(pdf, options);
}

Result<plugins::PrintJobState> PluginPrinterAccess::state(const std::string& printerId,
                                                          const std::string& jobId) {
  auto printer = host_.printer(printerId);
  if (!printer) return printer.error();
  return (*printer)->state(jobId);
}

Result<void> PluginPrinterAccess::cancel(const std::string& printerId, const std::string& jobId) {
  auto printer = host_.printer(printerId);
  if (!printer) return printer.error();
  return (*printer)->cancel(jobId);
}

Result<std::string> choosePrinter(const std::vector<plugins::DeviceSnapshot>& printers,
                                  const std::optional<std::string>& requested) {
  if (requested && !requested->empty()) {
    const bool known = std::any_of(printers.begin(), printers.end(),
                                   [&](const auto& printer) { return printer.id == *requested; });
    if (!known) return Error(Reason::DeviceNotFound, "no printer " + *requested);
    return *requested;
  }
  if (printers.empty()) return Error(Reason::DeviceNotFound, "no printer is connected");
  // A counter with a real printer prints there unless staff pick the simulator.
  const auto real = std::find_if(printers.begin(), printers.end(),
                                 [](const auto& printer) { return !printer.simulated; });
  if (real != printers.end()) return real->id;
  return printers.front().id;
}

const char* printJobStateName(plugins::PrintJobState state) {
  switch (state) {
    case plugins::PrintJobState::Pending:
      return "pending";
    case plugins::PrintJobState::Printing:
      return "printing";
    case plugins::PrintJobState::Completed:
      return "completed";
    case plugins::PrintJobState::Failed:
      return "failed";
    case plugins::PrintJobState::Cancelled:
      return "cancelled";
  }
  return "failed";
}

bool isFinal(plugins::PrintJobState state) {
  return state == plugins::PrintJobState::Completed || state == plugins::PrintJobState::Failed ||
         state == plugins::PrintJobState::Cancelled;
}

PrintFollowResult followPrintJob(PrinterAccess& printers, const std::string& printerId,
                                 const std::string& jobId,
                                 const std::function<void(plugins::PrintJobState)>& onChange,
                                 const std::function<bool()>& stopRequested,
                                 std::chrono::milliseconds pollInterval,
                                 std::chrono::milliseconds patience) {
  const auto deadline = std::chrono::steady_clock::now() + patience;
  std::optional<plugins::PrintJobState> last;
  while (true) {
    auto state = printers.state(printerId, jobId);
    if (!state) {
      onChange(plugins::PrintJobState::Failed);
      return {plugins::PrintJobState::Failed, state.error()};
    }
    if (!last || *last != *state) {
      last = *state;
      onChange(*state);
    }
    if (isFinal(*state)) return {*state, std::nullopt};
    if (stopRequested() || std::chrono::steady_clock::now() >= deadline) {
      return {*state, Error(Reason::Timeout, "the print job did not finish in time")};
    }
    std::this_thread::sleep_for(pollInterval);
  }
}

}  // namespace onestop::workflows
