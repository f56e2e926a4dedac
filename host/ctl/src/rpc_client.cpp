#include "onestop/ctl/rpc_client.hpp"

#include <Poco/Buffer.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/WebSocket.h>

#include <deque>
#include <filesystem>
#include <fstream>

#include "onestop/common/runtime_paths.hpp"

namespace onestop::ctl {

using api::Json;
using Poco::Net::WebSocket;

struct RpcClient::Impl {
  std::unique_ptr<Poco::Net::HTTPClientSession> session;
  std::unique_ptr<WebSocket> socket;
  std::int64_t nextId = 0;
  std::deque<Json> pending;  // notifications received while waiting for a reply
  std::chrono::milliseconds timeout{10000};

  // Control frames (pings every few seconds) do not count as a reply: without a deadline a
  // pinged client would wait forever.
  Result<std::string> receiveText(std::chrono::steady_clock::time_point deadline) {
    Poco::Buffer<char> buffer(0);
    for (;;) {
      if (std::chrono::steady_clock::now() >= deadline) {
        return Error(Reason::Timeout, "no reply from onestopd");
      }
      int flags = 0;
      int n = 0;
      try {
        n = socket->receiveFrame(buffer, flags);
      } catch (const Poco::TimeoutException&) {
        return Error(Reason::Timeout, "no reply from onestopd");
      } catch (const Poco::Exception& e) {
        return Error(Reason::IoError, e.displayText());
      }
      const int op = flags & WebSocket::FRAME_OP_BITMASK;
      if (n == 0 && flags == 0) return Error(Reason::IoError, "connection closed");
      if (op == WebSocket::FRAME_OP_CLOSE)
        return Error(Reason::IoError, "connection closed by onestopd");
      if (op == WebSocket::FRAME_OP_PING) {
        socket->sendFrame(buffer.begin(), static_cast<int>(buffer.size()),
                          static_cast<int>(WebSocket::FRAME_FLAG_FIN) |
                              static_cast<int>(WebSocket::FRAME_OP_PONG));
        buffer.resize(0);
        continue;
      }
      if (op == WebSocket::FRAME_OP_PONG) {
        buffer.resize(0);
        continue;
      }
      if ((flags & WebSocket::FRAME_FLAG_FIN) != 0)
        return std::string(buffer.begin(), buffer.size());
    }
  }

  // Next frame that is not a notification; notifications are queued.
  Result<std::string> receiveReply() {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      auto text = receiveText(deadline);
      if (!text) return text;
      Json message = Json::parse(*text, nullptr, false);
      if (message.is_object() && message.contains("method") && !message.contains("id")) {
        pending.push_back(std::move(message));
        continue;
      }
      return text;
    }
  }
};

RpcClient::RpcClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RpcClient::~RpcClient() {
  close();
}

Result<std::unique_ptr<RpcClient>> RpcClient::connect(const Options& options) {
  auto impl = std::make_unique<Impl>();
  impl->timeout = options.timeout;
  impl->session = std::make_unique<Poco::Net::HTTPClientSession>(options.host, options.port);
  impl->session->setTimeout(Poco::Timespan(
      std::chrono::duration_cast<std::chrono::microseconds>(options.timeout).count()));
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, "/v1",
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.setHost(options.host, options.port);
  if (options.origin) request.set("Origin", *options.origin);
  if (options.token) request.set("Authorization", "Bearer " + *options.token);
  Poco::Net::HTTPResponse response;
  try {
    impl->socket = std::make_unique<WebSocket>(*impl->session, request, response);
  } catch (const Poco::Net::ConnectionRefusedException&) {
    return Error(Reason::IoError, "onestopd is not running on " + options.host + ":" +
                                      std::to_string(options.port) + " (connection refused)");
  } catch (const Poco::Net::WebSocketException& e) {
    return Error(Reason::OriginForbidden, "onestopd refused the connection: HTTP " +
                                              std::to_string(response.getStatus()) + " " +
                                              response.getReason());
  } catch (const Poco::Exception& e) {
    return Error(Reason::IoError, e.displayText());
  }
  impl->socket->setReceiveTimeout(Poco::Timespan(
      std::chrono::duration_cast<std::chrono::microseconds>(options.timeout).count()));
  impl->socket->setMaxPayloadSize(64 << 20);
  return std::unique_ptr<RpcClient>(new RpcClient(std::move(impl)));
}

Result<void> RpcClient::send(const std::string& text) {
  try {
    impl_->socket->sendFrame(text.data(), static_cast<int>(text.size()), WebSocket::FRAME_TEXT);
  } catch (const Poco::Exception& e) {
    return Error(Reason::IoError, e.displayText());
  }
  return Ok{};
}

Result<std::string> RpcClient::nextReply() {
  return impl_->receiveReply();
}

Result<std::string> RpcClient::exchange(const std::string& text) {
  if (auto sent = send(text); !sent) return sent.error();
  return nextReply();
}

Result<Json> RpcClient::call(const std::string& method, const Json& params) {
  const auto id = ++impl_->nextId;
  auto text =
      exchange(Json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump());
  if (!text) return text.error();
  Json reply = Json::parse(*text, nullptr, false);
  if (reply.is_discarded() || !reply.is_object() || reply.value("id", Json()) != id) {
    return Error(Reason::IoError, "unexpected reply from onestopd");
  }
  return reply;
}

Result<Json> RpcClient::nextNotification(std::chrono::milliseconds timeout) {
  if (!impl_->pending.empty()) {
    auto n = std::move(impl_->pending.front());
    impl_->pending.pop_front();
    return n;
  }
  impl_->socket->setReceiveTimeout(
      Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(timeout).count()));
  auto text = impl_->receiveText(std::chrono::steady_clock::now() + timeout);
  impl_->socket->setReceiveTimeout(Poco::Timespan(
      std::chrono::duration_cast<std::chrono::microseconds>(impl_->timeout).count()));
  if (!text) return text.error();
  Json message = Json::parse(*text, nullptr, false);
  if (message.is_discarded()) return Error(Reason::IoError, "malformed frame");
  return message;
}

void RpcClient::close() {
  if (!impl_ || !impl_->socket) return;
  try {
    impl_->socket->shutdown(WebSocket::WS_NORMAL_CLOSE);
    impl_->socket->close();
  } catch (const Poco::Exception&) {
    // Already closed by the daemon.
  }
  impl_->socket.reset();
}

Result<DaemonEndpoint> readEndpoint(const std::string& runtimeDir) {
  const std::filesystem::path dir =
      runtimeDir.empty() ? defaultRuntimeDir() : std::filesystem::path(runtimeDir);
  std::ifstream portFile(dir / kPortFileName);
  DaemonEndpoint endpoint;
  unsigned port = 0;
  if (!(portFile >> port) || port == 0 || port > 65535) {
    return Error(Reason::IoError, "onestopd is not running (no port file in " + dir.string() +
                                      "). Start it with scripts/run.");
  }
  endpoint.port = static_cast<std::uint16_t>(port);
  std::ifstream tokenFile(dir / kTokenFileName);
  if (!(tokenFile >> endpoint.token)) {
    return Error(Reason::PermissionDenied, "cannot read the token in " + dir.string() +
                                               " (run as the daemon's user or root)");
  }
  return endpoint;
}

}  // namespace onestop::ctl
