#include "onestop/api/event_hub.hpp"

#include <vector>

#include "onestop/api/session.hpp"

namespace onestop::api {

void EventHub::attach(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(mutex_);
  sessions_[session->id()] = session;
}

void EventHub::detach(std::uint64_t sessionId) {
  std::lock_guard lock(mutex_);
  sessions_.erase(sessionId);
}

std::string EventHub::notification(const std::string& event, const Json& params) {
  return Json{{"jsonrpc", "2.0"}, {"method", event}, {"params", params}}.dump();
}

std::size_t EventHub::publish(const std::string& event, const Json& params) {
  // Collect under the lock, send outside it: a slow client must not block attach/detach.
  std::vector<std::shared_ptr<Session>> targets;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, weak] : sessions_) {
      if (auto session = weak.lock(); session && session->wants(event)) targets.push_back(session);
    }
  }
  if (targets.empty()) return 0;
  const auto text = notification(event, params);
  for (const auto& session : targets) session->sink().send(text);
  return targets.size();
}

bool EventHub::publishTo(std::uint64_t sessionId, const std::string& event, const Json& params) {
  std::shared_ptr<Session> target;
  {
    std::lock_guard lock(mutex_);
    if (auto it = sessions_.find(sessionId); it != sessions_.end()) target = it->second.lock();
  }
  if (!target) return false;
  target->sink().send(notification(event, params));
  return true;
}

std::size_t EventHub::sessionCount() const {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

}  // namespace onestop::api
