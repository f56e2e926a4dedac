#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace onestop::api {

// Where frames for one client go. Implemented by the transport; must be thread-safe, because
// events are pushed from plugin threads while the session's own thread answers calls.
class MessageSink {
 public:
  virtual ~MessageSink() = default;
  virtual void send(const std::string& text) = 0;
};

// Who is calling, as the handshake established it. Shared by the dispatcher, the event hub and
// the handlers of one connection.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(std::uint64_t id, std::string origin, std::vector<std::string> allowedFamilies,
          std::shared_ptr<MessageSink> sink)
      : id_(id),
        origin_(std::move(origin)),
        allowedFamilies_(std::move(allowedFamilies)),
        sink_(std::move(sink)) {}

  [[nodiscard]] std::uint64_t id() const { return id_; }
  // Empty for token-authenticated native clients (CLI).
  [[nodiscard]] const std::string& origin() const { return origin_; }
  // Method families this session may call; "*" allows all.
  [[nodiscard]] bool mayCall(const std::string& family) const;
  [[nodiscard]] MessageSink& sink() { return *sink_; }

  std::vector<std::string> subscribe(const std::vector<std::string>& topics);
  std::vector<std::string> unsubscribe(const std::vector<std::string>& topics);
  [[nodiscard]] std::vector<std::string> topics() const;
  // True when `event` ("card.inserted") matches a topic ("card.inserted" or "card.*").
  [[nodiscard]] bool wants(const std::string& event) const;

  // Set by the transport once the connection is gone: long calls still running for this session
  // stop (card reads check it before every APDU) and send nothing more; the close handlers run
  // once, on the transport's thread (scan jobs waiting on a scanner are cancelled by them).
  void markClosed();
  [[nodiscard]] bool closed() const { return closed_; }
  // Runs `handler` when the session closes, or at once when it already has.
  void onClose(std::function<void()> handler);

  std::string negotiatedApiVersion() const;
  void setNegotiatedApiVersion(std::string version);

 private:
  std::uint64_t id_;
  std::string origin_;
  std::vector<std::string> allowedFamilies_;
  std::shared_ptr<MessageSink> sink_;
  mutable std::mutex mutex_;
  std::set<std::string> topics_;
  std::string apiVersion_;
  std::atomic<bool> closed_{false};
  std::vector<std::function<void()>> closeHandlers_;  // guarded by mutex_
};

}  // namespace onestop::api
