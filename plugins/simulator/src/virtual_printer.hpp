#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <span>
#include <string>

#include "onestop/plugin.hpp"

namespace onestop::simulator {

// A printer that writes each submitted PDF to <output folder>/<job id>.pdf and reports the job
// COMPLETED at once.
class VirtualPrinter {
 public:
  VirtualPrinter(std::string id, std::filesystem::path outputFolder);

  [[nodiscard]] const std::string& id() const { return id_; }
  [[nodiscard]] sdk::Device device() const;
  [[nodiscard]] const std::filesystem::path& outputFolder() const { return outputFolder_; }

  onestop_status capabilities(onestop_printer_caps& out) const;
  // ONESTOP_E_INVALID_ARGUMENT unless the document starts with "%PDF-"; ONESTOP_E_IO when the
  // file cannot be written.
  onestop_status submit(std::span<const std::uint8_t> pdf, std::string& jobId);
  onestop_status jobState(const std::string& jobId, onestop_print_state& state) const;
  // A finished job stays as it is; unknown ids are ONESTOP_E_INVALID_ARGUMENT.
  onestop_status cancel(const std::string& jobId);

 private:
  std::string id_;
  std::filesystem::path outputFolder_;
  mutable std::mutex mutex_;
  std::map<std::string, onestop_print_state> jobs_;
  unsigned next_ = 1;
};

}  // namespace onestop::simulator
