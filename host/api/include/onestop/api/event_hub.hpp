#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "onestop/api/json.hpp"

namespace onestop::api {

class Session;

// Delivers events as JSON-RPC notifications. Broadcast events go only to sessions subscribed to
// their topic; events that carry citizen data go to exactly one session (publishTo), never wider.
class EventHub {
 public:
  void attach(const std::shared_ptr<Session>& session);
  void detach(std::uint64_t sessionId);

  // Returns the number of sessions the event was sent to.
  std::size_t publish(const std::string& event, const Json& params);
  bool publishTo(std::uint64_t sessionId, const std::string& event, const Json& params);

  [[nodiscard]] std::size_t sessionCount() const;

  static std::string notification(const std::string& event, const Json& params);

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::weak_ptr<Session>> sessions_;
};

}  // namespace onestop::api
