#pragma once
// Printing as a workflow (issue 6): choose a printer, submit a PDF, follow the job until it
// ends. Knows nothing of JSON or sessions; the API decides who hears about the job.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/plugins/device_catalog.hpp"
#include "onestop/plugins/device_types.hpp"

namespace onestop::plugins {
class PluginHost;
}

namespace onestop::workflows {

// What printing needs from the device layer: plugins in production, a fake in unit tests.
class PrinterAccess {
 public:
  virtual ~PrinterAccess() = default;
  [[nodiscard]] virtual std::vector<plugins::DeviceSnapshot> printers() const = 0;
  // The plugin's job id.
  virtual Result<std::string> submit(const std::string& printerId,
                                     std::span<const std::uint8_t> pdf,
                                     const plugins::PrintOptions& options) = 0;
  virtual Result<plugins::PrintJobState> state(const std::string& printerId,
                                               const std::string& jobId) = 0;
  virtual Result<void> cancel(const std::string& printerId, const std::string& jobId) = 0;
};

class PluginPrinterAccess final : public PrinterAccess {
 public:
  explicit PluginPrinterAccess(plugins::PluginHost& host) : host_(host) {}
  [[nodiscard]] std::vector<plugins::DeviceSnapshot> printers() const override;
  Result<std::string> submit(const std::string& printerId, std::span<const std::uint8_t> pdf,
                             const plugins::PrintOptions& options) override;
  Result<plugins::PrintJobState> state(const std::string& printerId,
                                       const std::string& jobId) override;
  Result<void> cancel(const std::string& printerId, const std::string& jobId) override;

 private:
  plugins::PluginHost& host_;
};

// `requested` when it is a printer (DeviceNotFound otherwise); else a real printer before a
// simulated one, the first by id (DeviceNotFound when there is none).
Result<std::string> choosePrinter(const std::vector<plugins::DeviceSnapshot>& printers,
                                  const std::optional<std::string>& requested);

// "pending" | "printing" | "completed" | "failed" | "cancelled"
const char* printJobStateName(plugins::PrintJobState state);
bool isFinal(plugins::PrintJobState state);

// Polls a submitted job until it ends or `patience` runs out, reporting each change of state.
// A job whose state cannot be read any more (the queue was removed) ends Failed with that error.
struct PrintFollowResult {
  plugins::PrintJobState state = plugins::PrintJobState::Pending;
  std::optional<Error> error;  // why it failed, when known
};
PrintFollowResult followPrintJob(PrinterAccess& printers, const std::string& printerId,
                                 const std::string& jobId,
                                 const std::function<void(plugins::PrintJobState)>& onChange,
                                 const std::function<bool()>& stopRequested,
                                 std::chrono::milliseconds pollInterval,
                                 std::chrono::milliseconds patience);

}  // namespace onestop::workflows
