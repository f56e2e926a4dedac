#pragma once

#include <source_location>
#include <string_view>

#include "onestop/common/error.hpp"
#include "onestop/common/reason.hpp"
#include "onestop/plugin.h"

namespace onestop::plugins {

// The one translation from plugin status codes to the API's reasons (style §6.4).
Reason reasonForStatus(onestop_status status);

// "ONESTOP_E_NO_CARD" for ONESTOP_E_NO_CARD; "ONESTOP_E_VENDOR+0x12" for vendor codes.
std::string statusName(onestop_status status);

// An Error for a failed plugin call: the mapped reason, "<operation> on <deviceId>: <status>".
Error statusError(onestop_status status, std::string_view operation, std::string_view deviceId,
                  std::source_location where = std::source_location::current());

}  // namespace onestop::plugins
