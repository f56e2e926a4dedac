#include "onestop/api/session.hpp"

#include <algorithm>

namespace onestop::api {

void Session::markClosed() {
  std::vector<std::function<void()>> handlers;
  {
    std::lock_guard lock(mutex_);
    if (closed_.exchange(true)) return;
    handlers.swap(closeHandlers_);
  }
  for (auto& handler : handlers) handler();
}

void Session::onClose(std::function<void()> handler) {
  {
    std::lock_guard lock(mutex_);
    if (!closed_) {
      closeHandlers_.push_back(std::move(handler));
      return;
    }
  }
  handler();
}

bool Session::mayCall(const std::string& family) const {
  return std::any_of(allowedFamilies_.begin(), allowedFamilies_.end(),
                     [&](const std::string& f) { return f == "*" || f == family; });
}

std::vector<std::string> Session::subscribe(const std::vector<std::string>& topics) {
  std::lock_guard lock(mutex_);
  topics_.insert(topics.begin(), topics.end());
  return {topics_.begin(), topics_.end()};
}

std::vector<std::string> Session::unsubscribe(const std::vector<std::string>& topics) {
  std::lock_guard lock(mutex_);
  for (const auto& t : topics) topics_.erase(t);
  return {topics_.begin(), topics_.end()};
}

std::vector<std::string> Session::topics() const {
  std::lock_guard lock(mutex_);
  return {topics_.begin(), topics_.end()};
}

bool Session::wants(const std::string& event) const {
  const auto dot = event.find('.');
  const std::string wildcard = dot == std::string::npos ? event : event.substr(0, dot) + ".*";
  std::lock_guard lock(mutex_);
  return topics_.count(event) > 0 || topics_.count(wildcard) > 0;
}

std::string Session::negotiatedApiVersion() const {
  std::lock_guard lock(mutex_);
  return apiVersion_;
}

void Session::setNegotiatedApiVersion(std::string version) {
  std::lock_guard lock(mutex_);
  apiVersion_ = std::move(version);
}

}  // namespace onestop::api
