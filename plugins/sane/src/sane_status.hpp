// SANE status codes → the plugin ABI's typed statuses, and their names for log lines.
#pragma once

#include <sane/sane.h>

#include <string>

#include "onestop/plugin.h"

namespace onestop::sane {

// Where the status came from: SANE_STATUS_NO_DOCS means "nothing to scan" before the first page
// of a job and "the feeder is done" after it.
enum class ScanPoint { BeforeFirstPage, AfterFirstPage };

// GOOD → ONESTOP_OK; JAMMED, COVER_OPEN, DEVICE_BUSY, CANCELLED → their own codes; NO_DOCS →
// NO_DOCUMENTS or NO_MORE_PAGES by `point`; everything else (IO_ERROR, NO_MEM, ACCESS_DENIED,
// INVAL, UNSUPPORTED, an EOF out of place, unknown codes) → ONESTOP_E_IO.
onestop_status statusForSane(SANE_Status status, ScanPoint point = ScanPoint::BeforeFirstPage);

// "SANE_STATUS_JAMMED"; "SANE_STATUS(42)" for codes this build does not know.
std::string saneStatusName(SANE_Status status);

}  // namespace onestop::sane
