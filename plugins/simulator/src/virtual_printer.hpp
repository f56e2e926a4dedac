#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "onestop/plugin.hpp"

namespace onestop::simulator {

// A printer that writes each submitted PDF to <output folder>/<job id>.pdf. A job is PENDING for
// its first `pendingFor`, PRINTING until `doneAfter`, then COMPLETED (or FAILED under the
// jobFailed fault), so a caller sees the progress a real printer reports; the state is computed
// from the clock when asked, no thread runs.
//
// Faults (the "setPrinterFault" control command), until cleared:
//   Stopped   — submit gives ONESTOP_E_PRINTER_STOPPED (a stopped or rejecting queue);
//   Missing   — every call gives ONESTOP_E_NO_DEVICE (the queue was deleted);
//   JobFailed — submit succeeds, writes nothing, and the job ends FAILED (aborted by the printer).
class VirtualPrinter {
 public:
  enum class Fault { None, Stopped, Missing, JobFailed };
  struct Timing {
    std::chrono::milliseconds pendingFor{100};
    std::chrono::milliseconds doneAfter{200};
  };

  VirtualPrinter(std::string id, std::filesystem::path outputFolder, Timing timing);
  VirtualPrinter(std::string id, std::filesystem::path outputFolder)
      : VirtualPrinter(std::move(id), std::move(outputFolder), Timing{}) {}

  [[nodiscard]] const std::string& id() const { return id_; }
  [[nodiscard]] sdk::Device device() const;
  [[nodiscard]] const std::filesystem::path& outputFolder() const { return outputFolder_; }

  void setFault(Fault fault);
  [[nodiscard]] Fault fault() const;
  // "stopped", "missing", "jobFailed"; nullopt for Fault::None and for unknown names in parse.
  static std::optional<std::string_view> faultName(Fault fault);
  static std::optional<Fault> parseFault(std::string_view name);

  onestop_status capabilities(onestop_printer_caps& out) const;
  // ONESTOP_E_INVALID_ARGUMENT unless the document starts with "%PDF-"; ONESTOP_E_IO when the
  // file cannot be written; the faults above.
  onestop_status submit(std::span<const std::uint8_t> pdf, std::string& jobId);
  onestop_status jobState(const std::string& jobId, onestop_print_state& state) const;
  // A finished job stays as it is; unknown ids are ONESTOP_E_INVALID_ARGUMENT.
  onestop_status cancel(const std::string& jobId);

 private:
  struct Job {
    std::chrono::steady_clock::time_point submitted;
    onestop_print_state outcome = ONESTOP_PRINT_COMPLETED;  // once printing is over
    bool cancelled = false;
  };
  [[nodiscard]] onestop_print_state stateOf(const Job& job) const;

  std::string id_;
  std::filesystem::path outputFolder_;
  Timing timing_;
  mutable std::mutex mutex_;
  std::map<std::string, Job> jobs_;
  unsigned next_ = 1;
  Fault fault_ = Fault::None;
};

}  // namespace onestop::simulator
