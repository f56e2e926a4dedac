#include "websocket_session.hpp"

#include <Poco/Exception.h>
#include <poll.h>
#include <sys/socket.h>

#include <array>

namespace onestop::transport {

void WebSocketSink::send(const std::string& text) {
  std::lock_guard lock(mutex_);
  if (closed_) return;
  try {
    socket_.sendFrame(text.data(), static_cast<int>(text.size()), Poco::Net::WebSocket::FRAME_TEXT);
  } catch (const Poco::Exception&) {
    // A peer that vanished mid-send: the reading thread sees the same failure and ends the session.
    closed_ = true;
  }
}

void WebSocketSink::sendControl(int opcode, const std::string& payload) {
  std::lock_guard lock(mutex_);
  if (closed_) return;
  try {
    socket_.sendFrame(payload.data(), static_cast<int>(payload.size()),
                      static_cast<int>(Poco::Net::WebSocket::FRAME_FLAG_FIN) | opcode);
  } catch (const Poco::Exception&) {
    closed_ = true;
  }
}

void WebSocketSink::close(std::uint16_t code, const std::string& reason) {
  std::lock_guard lock(mutex_);
  if (closed_.exchange(true)) return;
  try {
    socket_.shutdown(code, reason);
    socket_.shutdownReceive();
  } catch (const Poco::Exception&) {
    // Already gone.
  }
}

}  // namespace onestop::transport

namespace onestop::transport {

void WebSocketSink::closeAndDrain(std::uint16_t code, const std::string& reason,
                                  std::chrono::milliseconds linger) {
  {
    std::lock_guard lock(mutex_);
    if (closed_.exchange(true)) return;
    try {
      socket_.shutdown(code, reason);
    } catch (const Poco::Exception&) {
      return;
    }
  }
  // Raw reads: after an oversize frame the WebSocket framing is out of step, so the bytes left are
  // not frames we could parse, only data to discard.
  const int fd = socket_.impl()->sockfd();
  const auto deadline = std::chrono::steady_clock::now() + linger;
  std::array<char, 16384> sink{};
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return;
    if (::recv(fd, sink.data(), sink.size(), 0) <= 0) return;  // peer closed, or an error
  }
}

}  // namespace onestop::transport
