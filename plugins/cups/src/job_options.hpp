// The host's print options → the IPP job attributes CUPS gets with Create-Job.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "onestop/plugin.hpp"
#include "queue_attributes.hpp"

namespace onestop::cups {

// Every job is A4: the forms and receipts the host prints are laid out for it.
constexpr const char* kMediaA4 = "iso_a4_210x297mm";
// The job name when the host gives no title. Titles are case numbers or form codes, never
// citizen data (the ABI's rule), but they end up in CUPS's logs and cups-pdf's file names.
constexpr const char* kDefaultTitle = "onestop";
constexpr std::size_t kMaxTitleBytes = 255;  // IPP name(MAX)

using JobAttributes = std::vector<std::pair<std::string, std::string>>;

// copies (1…max: 0 counts as 1, more than the queue's max_copies or kMaxCopies is
// ONESTOP_E_INVALID_ARGUMENT), sides (two-sided-long-edge when duplex, one-sided otherwise;
// duplex on a queue without it is ONESTOP_E_NOT_SUPPORTED), media A4, print-color-mode (only when
// the queue can print colour: "color" or "monochrome" as asked). Throws sdk::StatusError.
JobAttributes jobAttributes(const sdk::PrintOptions& options, const QueueAttributes& queue);

// The title as CUPS gets it: kDefaultTitle when empty, control characters replaced by spaces,
// cut to kMaxTitleBytes on a UTF-8 boundary.
std::string jobTitle(const std::string& title);

}  // namespace onestop::cups
