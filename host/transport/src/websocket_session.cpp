#include "websocket_session.hpp"

#include <Poco/Exception.h>

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
