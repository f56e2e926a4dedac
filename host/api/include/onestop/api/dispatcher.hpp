#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "onestop/api/json.hpp"
#include "onestop/api/method_registry.hpp"

namespace onestop::api {

class Session;

// Told about every call once it finished: for metrics and logs. Never receives params or results,
// so citizen data cannot leak through it.
struct CallRecord {
  std::string_view method;   // "" when the request was not even a valid call
  std::string_view outcome;  // "ok" or a reason name ("VALIDATION_FAILED", "METHOD_NOT_FOUND" …)
  std::chrono::microseconds duration;
};
using CallObserver = std::function<void(const CallRecord&)>;

// JSON-RPC 2.0 over text, without sockets: text in, optional text out (no reply for notifications
// and all-notification batches).
class Dispatcher {
 public:
  struct Limits {
    std::size_t maxBatch = 64;
  };

  Dispatcher(const MethodRegistry& registry, Limits limits, CallObserver observer = {});

  std::optional<std::string> handle(std::string_view text, Session& session) const;

 private:
  // nullopt for a notification.
  std::optional<Json> handleOne(const Json& message, Session& session) const;
  Json invoke(const MethodRegistry::Entry& entry, const Json& params, Session& session) const;

  const MethodRegistry& registry_;
  Limits limits_;
  CallObserver observer_;
};

}  // namespace onestop::api
