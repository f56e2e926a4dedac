#pragma once

#include <cstdint>
#include <string_view>

#include "onestop/common/result.hpp"
#include "onestop/store/connection.hpp"

namespace onestop::store {

// Increments the named counter (table `counters`, created at 0) and returns its new value.
// Call it inside the IMMEDIATE transaction that uses the number: a rollback returns the number,
// so numbers stay gapless, and no other writer can take the same one.
Result<std::int64_t> nextCounterValue(const Connection& connection, std::string_view name);

}  // namespace onestop::store
