#include "onestop/plugins/printer.hpp"

#include <cstring>

#include "loaded_plugin.hpp"
#include "onestop/plugins/status_mapping.hpp"

namespace onestop::plugins {
namespace {

constexpr std::size_t kJobIdCapacity = 256;

std::optional<PrintJobState> stateFromRaw(std::uint32_t raw) {
  switch (raw) {
    case ONESTOP_PRINT_PENDING:
      return PrintJobState::Pending;
    case ONESTOP_PRINT_PRINTING:
      return PrintJobState::Printing;
    case ONESTOP_PRINT_COMPLETED:
      return PrintJobState::Completed;
    case ONESTOP_PRINT_FAILED:
      return PrintJobState::Failed;
    case ONESTOP_PRINT_CANCELLED:
      return PrintJobState::Cancelled;
    default:
      return std::nullopt;
  }
}

}  // namespace

Printer::Printer(DeviceChannel channel) : channel_(std::move(channel)) {}

Result<PrinterCapabilities> Printer::capabilities() const {
  std::lock_guard lock(*channel_.mutex);
  const auto& table = *channel_.plugin->tables().printer;
  if (table.capabilities == nullptr) {
    return Error(Reason::NotSupported, channel_.deviceId + " reports no capabilities");
  }
  onestop_printer_caps raw{};
  raw.struct_size = sizeof raw;
  const onestop_status s = channel_.plugin->call("printer.capabilities", [&](void* p) {
    return table.capabilities(p, channel_.localId.c_str(), &raw);
  });
  if (s != ONESTOP_OK) return statusError(s, "printer.capabilities", channel_.deviceId);
  return PrinterCapabilities{raw.color != 0, raw.duplex != 0,
                             raw.max_copies == 0 ? 1u : raw.max_copies};
}

Result<std::string> Printer::submit(std::span<const std::uint8_t> pdf,
                                    const PrintOptions& options) {
  if (pdf.empty()) return Error(Reason::ValidationFailed, "empty document");
  std::lock_guard lock(*channel_.mutex);
  const auto& table = *channel_.plugin->tables().printer;
  onestop_print_options raw{};
  raw.struct_size = sizeof raw;
  raw.copies = options.copies == 0 ? 1 : options.copies;
  raw.duplex = options.duplex ? 1 : 0;
  raw.color = options.color ? 1 : 0;
  raw.title = options.title.c_str();
  char jobId[kJobIdCapacity] = {};
  const onestop_status s = channel_.plugin->call("printer.submit", [&](void* p) {
    return table.submit(p, channel_.localId.c_str(), pdf.data(), pdf.size(), &raw, jobId,
                        sizeof jobId);
  });
  if (s != ONESTOP_OK) return statusError(s, "printer.submit", channel_.deviceId);
  jobId[sizeof jobId - 1] = '\0';
  if (jobId[0] == '\0') {
    return Error(Reason::PluginFailed,
                 "printer.submit on " + channel_.deviceId + " gave no job id");
  }
  return std::string(jobId);
}

Result<PrintJobState> Printer::state(const std::string& jobId) const {
  std::lock_guard lock(*channel_.mutex);
  const auto& table = *channel_.plugin->tables().printer;
  std::uint32_t raw = 0;
  const onestop_status s = channel_.plugin->call("printer.job_state", [&](void* p) {
    return table.job_state(p, channel_.localId.c_str(), jobId.c_str(), &raw);
  });
  if (s != ONESTOP_OK) return statusError(s, "printer.job_state", channel_.deviceId);
  const auto state = stateFromRaw(raw);
  if (!state) {
    return Error(Reason::PluginFailed, "printer.job_state on " + channel_.deviceId +
                                           " returned unknown state " + std::to_string(raw));
  }
  return *state;
}

Result<void> Printer::cancel(const std::string& jobId) {
  std::lock_guard lock(*channel_.mutex);
  const auto& table = *channel_.plugin->tables().printer;
  if (table.cancel == nullptr) {
    return Error(Reason::NotSupported, channel_.deviceId + " cannot cancel print jobs");
  }
  const onestop_status s = channel_.plugin->call("printer.cancel", [&](void* p) {
    return table.cancel(p, channel_.localId.c_str(), jobId.c_str());
  });
  if (s != ONESTOP_OK) return statusError(s, "printer.cancel", channel_.deviceId);
  return Ok{};
}

}  // namespace onestop::plugins
