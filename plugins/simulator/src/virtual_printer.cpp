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

VirtualPrinter::VirtualPrinter(std::string id, std::filesystem::path outputFolder, Timing timing)
    : id_(std::move(id)), outputFolder_(std::move(outputFolder)), timing_(timing) {}

sdk::Device VirtualPrinter::device() const {
  return {ONESTOP_DEVICE_PRINTER, id_, "onestop virtual printer " + id_,
          ONESTOP_DEVICE_FLAG_SIMULATED};
}

void VirtualPrinter::setFault(Fault fault) {
  std::lock_guard lock(mutex_);
  fault_ = fault;
}

VirtualPrinter::Fault VirtualPrinter::fault() const {
  std::lock_guard lock(mutex_);
  return fault_;
}

std::optional<std::string_view> VirtualPrinter::faultName(Fault fault) {
  switch (fault) {
    case Fault::Stopped:
      return "stopped";
    case Fault::Missing:
      return "missing";
    case Fault::JobFailed:
      return "jobFailed";
    case Fault::None:
      break;
  }
  return std::nullopt;
}

std::optional<VirtualPrinter::Fault> VirtualPrinter::parseFault(std::string_view name) {
  for (const Fault f : {Fault::Stopped, Fault::Missing, Fault::JobFailed}) {
    if (faultName(f) == name) return f;
  }
  return std::nullopt;
}

onestop_status VirtualPrinter::capabilities(onestop_printer_caps& out) const {
  if (fault() == Fault::Missing) return ONESTOP_E_NO_DEVICE;
  out.color = 1;
  out.duplex = 1;
  out.max_copies = 99;
  return ONESTOP_OK;
}

onestop_status VirtualPrinter::submit(std::span<const std::uint8_t> pdf, std::string& jobId) {
  if (!isPdf(pdf)) return ONESTOP_E_INVALID_ARGUMENT;
  std::lock_guard lock(mutex_);
  if (fault_ == Fault::Missing) return ONESTOP_E_NO_DEVICE;
  if (fault_ == Fault::Stopped) return ONESTOP_E_PRINTER_STOPPED;
  std::error_code ec;
  std::filesystem::create_directories(outputFolder_, ec);
  if (ec) return ONESTOP_E_IO;
  // Never overwrite the output of an earlier run into the same folder.
  std::filesystem::path file;
  do {
    jobId = "job-" + std::to_string(next_++);
    file = outputFolder_ / (jobId + ".pdf");
  } while (std::filesystem::exists(file, ec));
  Job job{std::chrono::steady_clock::now(), ONESTOP_PRINT_COMPLETED, false};
  // A job the printer aborts leaves no output behind.
  if (fault_ == Fault::JobFailed) {
    job.outcome = ONESTOP_PRINT_FAILED;
  } else if (!writeAtomically(file, pdf)) {
    return ONESTOP_E_IO;
  }
  jobs_[jobId] = job;
  return ONESTOP_OK;
}

onestop_print_state VirtualPrinter::stateOf(const Job& job) const {
  if (job.cancelled) return ONESTOP_PRINT_CANCELLED;
  const auto elapsed = std::chrono::steady_clock::now() - job.submitted;
  if (elapsed < timing_.pendingFor) return ONESTOP_PRINT_PENDING;
  if (elapsed < timing_.doneAfter) return ONESTOP_PRINT_PRINTING;
  return job.outcome;
}

onestop_status VirtualPrinter::jobState(const std::string& jobId,
                                        onestop_print_state& state) const {
  std::lock_guard lock(mutex_);
  if (fault_ == Fault::Missing) return ONESTOP_E_NO_DEVICE;
  const auto it = jobs_.find(jobId);
  if (it == jobs_.end()) return ONESTOP_E_INVALID_ARGUMENT;
  state = stateOf(it->second);
  return ONESTOP_OK;
}

onestop_status VirtualPrinter::cancel(const std::string& jobId) {
  std::lock_guard lock(mutex_);
  if (fault_ == Fault::Missing) return ONESTOP_E_NO_DEVICE;
  auto it = jobs_.find(jobId);
  if (it == jobs_.end()) return ONESTOP_E_INVALID_ARGUMENT;
  const onestop_print_state now = stateOf(it->second);
  if (now == ONESTOP_PRINT_PENDING || now == ONESTOP_PRINT_PRINTING) it->second.cancelled = true;
  return ONESTOP_OK;
}

}  // namespace onestop::simulator
