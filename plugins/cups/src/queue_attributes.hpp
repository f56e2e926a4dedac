// What the plugin needs to know about a CUPS queue, read from a Get-Printer-Attributes answer,
// and what follows from it: the ABI's capabilities and whether the queue takes jobs now.
#pragma once

#include <cups/ipp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "onestop/plugin.h"

namespace onestop::cups {

// The largest copy count the plugin sends, whatever the printer allows (a counter prints a
// receipt or a form a few times, never a run).
constexpr std::uint32_t kMaxCopies = 99;

struct QueueAttributes {
  std::string info;                    // printer-info ("" when unset)
  int state = IPP_PSTATE_IDLE;         // printer-state
  bool acceptingJobs = true;           // printer-is-accepting-jobs
  std::optional<bool> colorSupported;  // color-supported
  std::vector<std::string> sides;      // sides-supported
  std::optional<int> copiesUpper;      // copies-supported's upper bound
};

// Reads the attributes above from an IPP response; missing ones keep their defaults.
QueueAttributes parseQueueAttributes(ipp_t* response);

// color ← color-supported; duplex ← sides-supported lists two-sided-long-edge; max_copies ←
// copies-supported's upper bound, within 1…kMaxCopies (1 when the printer does not say).
void fillCapabilities(const QueueAttributes& queue, onestop_printer_caps& out);

// Stopped (cupsdisable) or refusing jobs (cupsreject): a job sent now would not print.
bool refusesWork(const QueueAttributes& queue);

}  // namespace onestop::cups
