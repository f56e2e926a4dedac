#include "virtual_printer.hpp"

#include <algorithm>
#include <array>
#include <fstream>
#include <system_error>

namespace onestop::simulator {
namespace {

constexpr std::array<std::uint8_t, 5> kPdfMagic{'%', 'P', 'D', 'F', '-'};

bool isPdf(std::span<const std::uint8_t> document) {
  return document.size() >= kPdfMagic.size() &&
         std::equal(kPdfMagic.begin(), kPdfMagic.end(), document.begin());
}

// Writes to a temporary name and renames, so a reader of the folder never sees half a file.
bool writeAtomically(const std::filesystem::path& file, std::span<const std::uint8_t> bytes) {
  auto partial = file;
  partial += ".part";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out.write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<std::streamsize>(bytes.size()))) {
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, file, ec);
  return !ec;
}

}  // namespace

VirtualPrinter::VirtualPrinter(std::string id, std::filesystem::path outputFolder)
    : id_(std::move(id)), outputFolder_(std::move(outputFolder)) {}

sdk::Device VirtualPrinter::device() const {
  return {ONESTOP_DEVICE_PRINTER, id_, "onestop virtual printer " + id_,
          ONESTOP_DEVICE_FLAG_SIMULATED};
}

onestop_status VirtualPrinter::capabilities(onestop_printer_caps& out) const {
  out.color = 1;
  out.duplex = 1;
  out.max_copies = 99;
  return ONESTOP_OK;
}

onestop_status VirtualPrinter::submit(std::span<const std::uint8_t> pdf, std::string& jobId) {
  if (!isPdf(pdf)) return ONESTOP_E_INVALID_ARGUMENT;
  std::lock_guard lock(mutex_);
  std::error_code ec;
  std::filesystem::create_directories(outputFolder_, ec);
  if (ec) return ONESTOP_E_IO;
  // Never overwrite the output of an earlier run into the same folder.
  std::filesystem::path file;
  do {
    jobId = "job-" + std::to_string(next_++);
    file = outputFolder_ / (jobId + ".pdf");
  } while (std::filesystem::exists(file, ec));
  if (!writeAtomically(file, pdf)) return ONESTOP_E_IO;
  jobs_[jobId] = ONESTOP_PRINT_COMPLETED;
  return ONESTOP_OK;
}

onestop_status VirtualPrinter::jobState(const std::string& jobId,
                                        onestop_print_state& state) const {
  std::lock_guard lock(mutex_);
  const auto it = jobs_.find(jobId);
  if (it == jobs_.end()) return ONESTOP_E_INVALID_ARGUMENT;
  state = it->second;
  return ONESTOP_OK;
}

onestop_status VirtualPrinter::cancel(const std::string& jobId) {
  std::lock_guard lock(mutex_);
  auto it = jobs_.find(jobId);
  if (it == jobs_.end()) return ONESTOP_E_INVALID_ARGUMENT;
  if (it->second == ONESTOP_PRINT_PENDING || it->second == ONESTOP_PRINT_PRINTING) {
    it->second = ONESTOP_PRINT_CANCELLED;
  }
  return ONESTOP_OK;
}

}  // namespace onestop::simulator
