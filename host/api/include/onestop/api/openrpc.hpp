#pragma once

#include <string>

#include "onestop/api/json.hpp"
#include "onestop/api/method_registry.hpp"

namespace onestop::api {

inline constexpr const char* kApiVersion = "1.0";  // the only version this build speaks

// The OpenRPC 1.2.6 document, generated from the same registry that dispatches, so the docs and
// the JS client's types cannot drift from what the daemon does. Events are listed under the
// `x-onestop-events` extension (OpenRPC has no notion of server-sent notifications) and the
// reason catalog under components.errors.
Json openRpcDocument(const MethodRegistry& registry, const std::string& productVersion);

}  // namespace onestop::api
