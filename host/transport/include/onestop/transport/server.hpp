#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace onestop::api {
class BlobStore;
class Dispatcher;
class EventHub;
class Metrics;
}  // namespace onestop::api

namespace onestop::transport {

class HandshakePolicy;

struct ServerOptions {
  std::vector<std::string> bindAddresses{"127.0.0.1", "::1"};
  std::uint16_t port = 0;
  std::size_t maxConnections = 32;
  std::size_t maxMessageBytes = 1u << 20u;
  std::chrono::seconds handshakeTimeout{5};
  std::chrono::seconds idleTimeout{300};
  std::chrono::seconds pingInterval{30};
  std::filesystem::path webRoot;
};

struct ServerServices {
  HandshakePolicy& policy;
  api::Dispatcher& dispatcher;
  api::EventHub& hub;
  api::BlobStore& blobs;
  api::Metrics& metrics;
};

// HTTP + WebSocket front door: /v1 (JSON-RPC), /v1/blobs/<id>, /metrics, and the console at /.
// Knows nothing of cards: it moves frames between sockets and the dispatcher.
class Server {
 public:
  Server(ServerOptions options, ServerServices services);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds every address on one port (the first bind picks it when options.port is 0).
  // Throws std::runtime_error naming the address when a bind fails (busy port). A second
  // address that cannot be bound (no IPv6 on this host) is skipped with a warning.
  void start();
  // Closes every session (close code 1001) and stops the listeners; idempotent.
  void stop();

  [[nodiscard]] std::uint16_t port() const;
  [[nodiscard]] std::size_t activeSessions() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace onestop::transport
