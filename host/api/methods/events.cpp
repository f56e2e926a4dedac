// events.*: per-session subscriptions to event topics.
#include <algorithm>

#include "onestop/api/methods.hpp"
#include "onestop/api/session.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace {

namespace s = schema;

bool isKnownTopic(const MethodRegistry& registry, const std::string& topic) {
  if (topic.size() > 2 && topic.compare(topic.size() - 2, 2, ".*") == 0) {
    const auto family = topic.substr(0, topic.size() - 1);  // "card."
    const auto& events = registry.events();
    return std::any_of(events.begin(), events.end(),
                       [&](const EventSpec& e) { return e.name.rfind(family, 0) == 0; });
  }
  return registry.hasEvent(topic);
}

Result<std::vector<std::string>> knownTopics(const MethodRegistry& registry, const Json& params) {
  auto topics = params["topics"].get<std::vector<std::string>>();
  Json unknown = Json::array();
  for (const auto& t : topics) {
    if (!isKnownTopic(registry, t)) unknown.push_back(t);
  }
  if (!unknown.empty()) return Error(Reason::ValidationFailed, "unknown topics: " + unknown.dump());
  return topics;
}

Json topicsParams() {
  return s::object(
      {{"topics",
        {{"type", "array"}, {"items", {{"type", "string"}, {"minLength", 1}}}, {"minItems", 1}}}},
      {"topics"});
}

Json topicsResult() {
  return s::object({{"topics", s::arrayOf(s::string())}}, {"topics"});
}

}  // namespace

void registerEventMethods(MethodRegistry& registry) {
  registry.add({"events.subscribe", "events",
                "Receive the named events (\"card.inserted\") or families (\"card.*\") as "
                "notifications on this connection.",
                topicsParams(), topicsResult(),
                [&registry](const Json& params, CallContext& context) -> Result<Json> {
                  auto topics = knownTopics(registry, params);
                  if (!topics) return topics.error();
                  return Json{{"topics", context.session.subscribe(*topics)}};
                }});
  registry.add({"events.unsubscribe", "events", "Stop receiving the named events or families.",
                topicsParams(), topicsResult(),
                [](const Json& params, CallContext& context) -> Result<Json> {
                  return Json{{"topics", context.session.unsubscribe(
                                             params["topics"].get<std::vector<std::string>>())}};
                }});
}

}  // namespace onestop::api
