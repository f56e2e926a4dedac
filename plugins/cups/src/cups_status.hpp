// CUPS/IPP answers → the plugin ABI's typed statuses and print-job states.
#pragma once

#include <cups/ipp.h>

#include <cstdint>
#include <optional>
#include <string>

#include "onestop/plugin.h"

namespace onestop::cups {

// An IPP status of a request about a queue or a job (cupsLastError()) → the ABI status:
// successful-ok* → ONESTOP_OK; not-found / gone → ONESTOP_E_NO_DEVICE; not-accepting-jobs →
// ONESTOP_E_PRINTER_STOPPED; busy → ONESTOP_E_DEVICE_BUSY; document-format or attribute errors →
// ONESTOP_E_INVALID_ARGUMENT; timeouts → ONESTOP_E_TIMEOUT; everything else (no scheduler,
// authentication, internal errors) → ONESTOP_E_IO.
onestop_status statusForIpp(ipp_status_t status);

// An IPP job-state (RFC 8011 §5.3.7) → the ABI's state: pending and held → PENDING, processing
// and stopped (waiting for the printer to resume) → PRINTING, completed → COMPLETED, aborted →
// FAILED, canceled → CANCELLED; an unknown value → nullopt.
std::optional<onestop_print_state> printStateForJobState(int jobState);

// True for the job states that never change again (completed, aborted, canceled).
bool isFinalJobState(int jobState);

// "successful-ok", "client-error-not-found" … for log lines (ippErrorString).
std::string ippStatusName(ipp_status_t status);

}  // namespace onestop::cups
