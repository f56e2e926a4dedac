#include "session_events.hpp"

#include "onestop/api/error_catalog.hpp"
#include "onestop/api/event_hub.hpp"
#include "onestop/api/session.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {

void notifySession(const std::shared_ptr<Session>& session, const char* event,
                   const Json& payload) {
  if (!session->closed()) session->sink().send(EventHub::notification(event, payload));
}

Json jobErrorPayload(const Error& error) {
  const auto full = applicationError(error);
  return Json{{"code", full["code"]},
              {"reason", full["data"]["reason"]},
              {"message", full["data"]["message"]}};
}

Json jobErrorSchema() {
  namespace s = schema;
  return s::object({{"code", s::integer()},
                    {"reason", s::string()},
                    {"message", s::object({{"vi", s::string()}, {"en", s::string()}})}},
                   {"code", "reason", "message"});
}

}  // namespace onestop::api
