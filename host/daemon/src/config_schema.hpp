#pragma once

#include "onestop/api/json.hpp"

namespace onestop::daemon {
const api::Json& configSchema();
}  // namespace onestop::daemon
