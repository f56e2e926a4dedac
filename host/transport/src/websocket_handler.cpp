#include "websocket_handler.hpp"

#include <Poco/Buffer.h>
#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NetException.h>

#include <memory>

#include "http_util.hpp"
#include "onestop/api/dispatcher.hpp"
#include "onestop/api/event_hub.hpp"
#include "onestop/api/metrics.hpp"
#include "onestop/transport/handshake_policy.hpp"
#include "websocket_session.hpp"

namespace onestop::transport {
namespace {

using Poco::Net::WebSocket;
using Clock = std::chrono::steady_clock;

Poco::Logger& logger() {
  return Poco::Logger::get("onestop.transport");
}

// Reads frames until the peer closes, the limits end the session, or the server stops.
class FrameLoop {
 public:
  FrameLoop(WebSocket& socket, WebSocketSink& sink, api::Session& session,
            const ServerOptions& options, const api::Dispatcher& dispatcher)
      : socket_(socket),
        sink_(sink),
        session_(session),
        options_(options),
        dispatcher_(dispatcher) {}

  // Returns the close code for the log.
  int run() {
    Poco::Buffer<char> message(0);
    // Two different silences: a peer that no longer answers pings is gone (closed after one
    // unanswered ping); a live peer that neither calls nor listens to events is idle (closed after
    // idleTimeout). A page waiting for card events is listening, so it is never idle.
    auto lastMessage = Clock::now();
    bool pingOutstanding = false;
    while (!sink_.closed()) {
      int flags = 0;
      int received = 0;
      try {
        received = socket_.receiveFrame(message, flags);
      } catch (const Poco::TimeoutException&) {
        if (pingOutstanding) return closeWith(1001, "no pong");
        const bool listening = !session_.topics().empty();
        if (!listening && Clock::now() - lastMessage >= options_.idleTimeout) {
          return closeWith(1001, "idle");
        }
        sink_.sendControl(WebSocket::FRAME_OP_PING, "keepalive");
        pingOutstanding = true;
        continue;
      } catch (const Poco::Net::WebSocketException& e) {
        if (e.code() == WebSocket::WS_ERR_PAYLOAD_TOO_BIG)
          return closeWith(1009, "message too big");
        return closeWith(1002, "protocol error");
      } catch (const Poco::Exception&) {
        return 1006;  // connection reset or shut down by stop()
      }
      if (received == 0 && flags == 0) return 1006;
      pingOutstanding = false;  // any frame proves the peer is alive
      switch (flags & WebSocket::FRAME_OP_BITMASK) {
        case WebSocket::FRAME_OP_CLOSE:
          return closeWith(1000, "");
        case WebSocket::FRAME_OP_PING:
          sink_.sendControl(
              WebSocket::FRAME_OP_PONG,
              std::string(message.begin() + (message.size() - static_cast<std::size_t>(received)),
                          message.end()));
          message.resize(message.size() - static_cast<std::size_t>(received));
          continue;
        case WebSocket::FRAME_OP_PONG:
          message.resize(message.size() - static_cast<std::size_t>(received));
          continue;
        case WebSocket::FRAME_OP_BINARY:
          return closeWith(1003, "text frames only");
        default:
          break;  // text or continuation: accumulated in `message`
      }
      if (message.size() > options_.maxMessageBytes) return closeWith(1009, "message too big");
      if ((flags & WebSocket::FRAME_FLAG_FIN) == 0) continue;
      lastMessage = Clock::now();
      if (auto reply =
              dispatcher_.handle(std::string_view(message.begin(), message.size()), session_)) {
        sink_.send(*reply);
      }
      message.resize(0);
    }
    return 1001;
  }

 private:
  int closeWith(std::uint16_t code, const std::string& reason) {
    sink_.closeAndDrain(code, reason, std::chrono::milliseconds(2000));
    return code;
  }

  WebSocket& socket_;
  WebSocketSink& sink_;
  api::Session& session_;
  const ServerOptions& options_;
  const api::Dispatcher& dispatcher_;
};

}  // namespace

void WebSocketHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                     Poco::Net::HTTPServerResponse& response) {
  const auto decision = services_.policy.evaluate(handshakeRequestOf(request));
  if (!decision.allowed) {
    services_.metrics.recordHandshakeRefused(decision.reason);
    logger().warning("handshake refused: %s from %s", decision.reason,
                     request.clientAddress().host().toString());
    sendError(response, decision.httpStatus, decision.reason);
    return;
  }
  const auto id = ++nextSessionId_;
  if (!registry_.tryReserve(id)) {
    services_.metrics.recordHandshakeRefused("TOO_MANY_CONNECTIONS");
    logger().warning("handshake refused: TOO_MANY_CONNECTIONS");
    sendError(response, 503, "TOO_MANY_CONNECTIONS");
    return;
  }
  std::shared_ptr<WebSocketSink> sink;
  try {
    sink = std::make_shared<WebSocketSink>(request, response);
  } catch (const Poco::Net::WebSocketException&) {
    registry_.remove(id);
    services_.metrics.recordHandshakeRefused("BAD_UPGRADE");
    sendError(response, 400, "BAD_UPGRADE");
    return;
  }
  auto& socket = sink->socket();
  socket.setMaxPayloadSize(static_cast<int>(options_.maxMessageBytes));
  socket.setReceiveTimeout(Poco::Timespan(options_.pingInterval.count(), 0));
  socket.setSendTimeout(Poco::Timespan(10, 0));
  if (!registry_.activate(id, [weak = std::weak_ptr<WebSocketSink>(sink)] {
        if (auto live = weak.lock()) live->close(1001, "server stopping");
      })) {
    sink->close(1001, "server stopping");
    registry_.remove(id);
    return;
  }

  auto session = std::make_shared<api::Session>(id, decision.origin, decision.families, sink);
  services_.hub.attach(session);
  logger().information("session " + std::to_string(id) + " opened (" +
                       (decision.origin.empty() ? std::string("token") : decision.origin) + ")");
  const int code = FrameLoop(socket, *sink, *session, options_, services_.dispatcher).run();
  session->markClosed();
  services_.hub.detach(id);
  registry_.remove(id);
  logger().information("session " + std::to_string(id) + " closed (" + std::to_string(code) + ")");
}

}  // namespace onestop::transport
