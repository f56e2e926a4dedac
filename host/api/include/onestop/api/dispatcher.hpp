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
// Runs a long call elsewhere; false when it cannot take more (the call is refused, retriable).
using Executor = std::function<bool(std::function<void()>)>;

// JSON-RPC 2.0 over text, without sockets: text in, optional text out (no reply for notifications
// and all-notification batches).
class Dispatcher {
 public:
  struct Limits {
    std::size_t maxBatch = 64;
  };

  // Without an executor, long-running methods run inline like every other method.
  Dispatcher(const MethodRegistry& registry, Limits limits, CallObserver observer = {},
             Executor executor = {});

  std::optional<std::string> handle(std::string_view text, Session& session) const;

 private:
  // nullopt for a notification.
  // A long-running call outside a batch is handed to the executor and answers nullopt here;
  // its response goes straight to the session's sink when it is done.
  std::optional<Json> handleOne(const Json& message, Session& session, bool inBatch) const;
  Json invoke(const MethodRegistry::Entry& entry, const Json& params, Session& session) const;

  const MethodRegistry& registry_;
  Limits limits_;
  CallObserver observer_;
  Executor executor_;
};

}  // namespace onestop::api
