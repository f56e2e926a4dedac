#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/WebSocket.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>

#include "onestop/api/session.hpp"

namespace onestop::transport {

// The sending half of a connection, shared with the event hub: frames from the session's own
// thread and from plugin threads are serialized here. Owns the socket, so an event in flight
// keeps it alive even while the connection ends.
class WebSocketSink : public api::MessageSink {
 public:
  // Performs the upgrade; throws Poco::Net::WebSocketException on a bad handshake.
  WebSocketSink(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response)
      : socket_(request, response) {}

  [[nodiscard]] Poco::Net::WebSocket& socket() { return socket_; }

  void send(const std::string& text) override;
  void sendControl(int opcode, const std::string& payload = {});
  // From another thread (server stop): sends a close frame once and shuts the receiving side so
  // the reading thread wakes up.
  void close(std::uint16_t code, const std::string& reason);
  // From the reading thread: sends a close frame once, then reads and drops what the peer still
  // sends until it closes (at most `linger`), so the kernel does not answer unread data with a
  // reset that would make the peer lose our close frame.
  void closeAndDrain(std::uint16_t code, const std::string& reason,
                     std::chrono::milliseconds linger);
  [[nodiscard]] bool closed() const { return closed_; }

 private:
  Poco::Net::WebSocket socket_;
  std::mutex mutex_;
  std::atomic<bool> closed_{false};
};

}  // namespace onestop::transport
