#pragma once
// Events of long jobs (scans, prints) that go to the session that started them, never wider.
#include <memory>

#include "onestop/api/json.hpp"
#include "onestop/common/error.hpp"

namespace onestop::api {

class Session;

// Sends one event to the session, unless it is gone.
void notifySession(const std::shared_ptr<Session>& session, const char* event, const Json& payload);
// The `error` member of a job's failure event: {code, reason, message {vi, en}}; the developer
// detail stays in the logs.
Json jobErrorPayload(const Error& error);
// Its JSON Schema, for the event declarations.
Json jobErrorSchema();

}  // namespace onestop::api
