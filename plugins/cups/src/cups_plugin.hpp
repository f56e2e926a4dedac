// The CUPS printer plugin: every queue of the CUPS scheduler as a printer device named by its
// queue name; PDFs printed as IPP jobs, their states read back, cancelled on request.
#pragma once

#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/plugin.hpp"

namespace onestop::cups {

class CupsPlugin final : public sdk::Plugin, public sdk::PrinterPlugin {
 public:
  CupsPlugin(sdk::Host host, std::string_view configJson);

  // Asks the scheduler each time, so queues added or removed since are seen at the host's next
  // enumeration; once the host has seen a list, such changes are also announced as device events.
  std::vector<sdk::Device> devices() override;
  onestop_status control(std::string_view request, std::string& response) override;

  onestop_status printerCapabilities(const std::string& printerId,
                                     onestop_printer_caps& out) override;
  onestop_status submit(const std::string& printerId, std::span<const std::uint8_t> pdf,
                        const sdk::PrintOptions& options, std::string& jobId) override;
  onestop_status jobState(const std::string& printerId, const std::string& jobId,
                          onestop_print_state& state) override;
  onestop_status cancelJob(const std::string& printerId, const std::string& jobId) override;

 private:
  // The job's IPP state after checking it belongs to printerId; ONESTOP_E_INVALID_ARGUMENT for a
  // malformed, unknown or foreign job id, ONESTOP_E_NO_DEVICE when the queue itself is gone.
  onestop_status lookUpJob(const std::string& printerId, const std::string& jobId, int& cupsJobId,
                           int& ippState);
  onestop_status failed(onestop_status status, std::string_view operation, const std::string& queue,
                        const std::string& detail) const;

  std::mutex mutex_;
  std::set<std::string> listed_;  // the queues of the last list
  bool handedOut_ = false;        // the host has seen a list: later changes are events
  bool unreachableLogged_ = false;
};

}  // namespace onestop::cups
