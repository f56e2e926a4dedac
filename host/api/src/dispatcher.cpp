#include "onestop/api/dispatcher.hpp"

#include <atomic>

#include "onestop/api/error_catalog.hpp"
#include "onestop/api/session.hpp"

namespace onestop::api {
namespace {

using Clock = std::chrono::steady_clock;

Json response(const Json& id, Json result) {
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

Json errorResponse(const Json& id, Json error) {
  return Json{{"jsonrpc", "2.0"}, {"id", id}, {"error", std::move(error)}};
}

bool isValidId(const Json& id) {
  return id.is_string() || id.is_number() || id.is_null();
}

// Why a message is not a valid Request object, or empty when it is.
std::string_view requestDefect(const Json& message) {
  if (!message.is_object()) return "request must be an object";
  const auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") return "jsonrpc must be \"2.0\"";
  const auto method = message.find("method");
  if (method == message.end() || !method->is_string()) return "method must be a string";
  if (const auto id = message.find("id"); id != message.end() && !isValidId(*id)) {
    return "id must be a string, a number or null";
  }
  if (const auto params = message.find("params");
      params != message.end() && !params->is_object() && !params->is_array()) {
    return "params must be an object or an array";
  }
  return {};
}

// A view into `reply`, valid while it lives.
std::string_view outcomeOf(const Json& reply) {
  const auto error = reply.find("error");
  if (error == reply.end()) return "ok";
  const auto data = error->find("data");
  if (data == error->end()) return "ERROR";
  const auto reason = data->find("reason");
  if (reason == data->end() || !reason->is_string()) return "ERROR";
  return std::string_view(reason->get_ref<const std::string&>());
}

std::atomic<std::uint64_t> gInternalErrorId{0};

}  // namespace

Dispatcher::Dispatcher(const MethodRegistry& registry, Limits limits, CallObserver observer,
                       Executor executor)
    : registry_(registry),
      limits_(limits),
      observer_(std::move(observer)),
      executor_(std::move(executor)) {}

std::optional<std::string> Dispatcher::handle(std::string_view text, Session& session) const {
  Json message = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) {
    return errorResponse(nullptr, protocolError(rpc_code::kParseError, "Parse error",
                                                Reason::ValidationFailed))
        .dump();
  }
  if (!message.is_array()) {
    auto reply = handleOne(message, session, /*inBatch=*/false);
    return reply ? std::optional(reply->dump()) : std::nullopt;
  }
  if (message.empty()) {
    return errorResponse(nullptr,
                         protocolError(rpc_code::kInvalidRequest, "Invalid Request",
                                       Reason::ValidationFailed, Json{{"detail", "empty batch"}}))
        .dump();
  }
  if (message.size() > limits_.maxBatch) {
    return errorResponse(nullptr, protocolError(rpc_code::kInvalidRequest, "Invalid Request",
                                                Reason::TooManyRequests,
                                                Json{{"maxBatch", limits_.maxBatch}}))
        .dump();
  }
  Json replies = Json::array();
  for (const auto& element : message) {
    if (auto reply = handleOne(element, session, /*inBatch=*/true))
      replies.push_back(std::move(*reply));
  }
  if (replies.empty()) return std::nullopt;
  return replies.dump();
}

std::optional<Json> Dispatcher::handleOne(const Json& message, Session& session,
                                          bool inBatch) const {
  const auto started = Clock::now();
  if (const auto defect = requestDefect(message); !defect.empty()) {
    // The id is echoed only when it could be read; otherwise it is null, as the spec says.
    Json id = message.is_object() && message.contains("id") && isValidId(message["id"])
                  ? message["id"]
                  : Json(nullptr);
    return errorResponse(
        id, protocolError(rpc_code::kInvalidRequest, "Invalid Request", Reason::ValidationFailed,
                          Json{{"detail", std::string(defect)}}));
  }
  const bool isNotification = !message.contains("id");
  const Json id = isNotification ? Json(nullptr) : message["id"];
  const auto& method = message["method"].get_ref<const std::string&>();
  const Json params = message.value("params", Json::object());

  Json reply;
  const auto* entry = registry_.find(method);
  if (entry == nullptr) {
    reply = errorResponse(id, protocolError(rpc_code::kMethodNotFound, "Method not found",
                                            Reason::NotSupported, Json{{"method", method}}));
  } else if (!session.mayCall(entry->spec.family)) {
    reply = errorResponse(
        id, applicationError(Error(Reason::PermissionDenied), Json{{"method", method}}));
  } else if (!params.is_object()) {
    reply = errorResponse(
        id, protocolError(rpc_code::kInvalidParams, "Invalid params", Reason::ValidationFailed,
                          Json{{"errors", {"/: params must be passed by name (an object)"}}}));
  } else if (auto errors = entry->params.validate(params); !errors.empty()) {
    reply = errorResponse(id, protocolError(rpc_code::kInvalidParams, "Invalid params",
                                            Reason::ValidationFailed, Json{{"errors", errors}}));
  } else if (auto owner = session.weak_from_this().lock();
             entry->spec.longRunning && executor_ && !inBatch && owner) {
    auto task = [this, entry, owner, params, id, isNotification, started] {
      Json outcome = invoke(*entry, params, *owner);
      Json late = outcome.contains("code") ? errorResponse(id, std::move(outcome))
                                           : response(id, std::move(outcome["result"]));
      if (observer_) {
        observer_({entry->spec.name, outcomeOf(late),
                   std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started)});
      }
      if (!isNotification && !owner->closed()) owner->sink().send(late.dump());
    };
    if (executor_(std::move(task))) return std::nullopt;
    reply = errorResponse(
        id, applicationError(Error(Reason::TooManyRequests, "too many long calls running")));
  } else {
    Json outcome = invoke(*entry, params, session);
    reply = outcome.contains("code") ? errorResponse(id, std::move(outcome))
                                     : response(id, std::move(outcome["result"]));
  }
  if (observer_) {
    observer_({entry != nullptr ? std::string_view(entry->spec.name) : std::string_view(),
               outcomeOf(reply),
               std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - started)});
  }
  if (isNotification) return std::nullopt;
  return reply;
}

// Returns {"result": …} or an error object. Exceptions are bugs: they become INTERNAL with an id
// that the log line also carries, so support can find it without the request body.
Json Dispatcher::invoke(const MethodRegistry::Entry& entry, const Json& params,
                        Session& session) const {
  CallContext context{session};
  try {
    auto result = entry.spec.handler(params, context);
    if (!result) return applicationError(result.error(), context.errorDetails);
    return Json{{"result", std::move(result).value()}};
  } catch (const std::exception& e) {
    const auto logId = ++gInternalErrorId;
    return protocolError(rpc_code::kInternalError, "Internal error", Reason::Internal,
                         Json{{"logId", logId}, {"detail", e.what()}});
  }
}

}  // namespace onestop::api
