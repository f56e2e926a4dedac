#pragma once

#include <span>
#include <string_view>

namespace onestop::workflows {

struct VerdictMessage {
  std::string_view reason;
  std::string_view vi;
  std::string_view en;
};

// The vi/en sentence shown for a failed verdict check ("HASH_MISMATCH" …); a generic one for
// a reason not in the table.
VerdictMessage verdictMessage(std::string_view reason);
// Every reason a verdict check can fail with (docs and tests).
std::span<const VerdictMessage> verdictMessages();

}  // namespace onestop::workflows
