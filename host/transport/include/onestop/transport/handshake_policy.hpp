#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onestop::transport {

// One origin the admin allowed, and the method families pages from it may call ("*" = all).
struct AllowedOrigin {
  std::string origin;  // exact "scheme://host[:port]"
  std::vector<std::string> families{"*"};
};

struct HandshakeRequest {
  std::string host;                          // the Host header, as sent
  std::optional<std::string> origin;         // absent for native clients
  std::optional<std::string> authorization;  // "Bearer <token>"
};

struct HandshakeDecision {
  bool allowed = false;
  int httpStatus = 403;
  std::string reason;  // HOST_FORBIDDEN, ORIGIN_FORBIDDEN, TOKEN_REQUIRED, TOKEN_INVALID
  std::string origin;  // the origin accepted ("" for token clients)
  std::vector<std::string> families;
};

// Decides, before any WebSocket upgrade or file is served, whether a request may talk to us:
// Host must name us (DNS rebinding), Origin must be on the exact allowlist, and a request with no
// Origin must carry the bearer token from the runtime dir. Pure: unit-tested as a table.
class HandshakePolicy {
 public:
  HandshakePolicy(std::vector<AllowedOrigin> allowed, std::vector<std::string> extraHosts,
                  std::string token);

  // Called once the listener knows its port (port 0 in tests).
  void setPort(std::uint16_t port);
  [[nodiscard]] std::uint16_t port() const { return port_; }

  [[nodiscard]] bool isAllowedHost(const std::string& hostHeader) const;
  [[nodiscard]] HandshakeDecision evaluate(const HandshakeRequest& request) const;

 private:
  [[nodiscard]] std::optional<AllowedOrigin> findOrigin(const std::string& origin) const;

  std::vector<AllowedOrigin> allowed_;
  std::vector<std::string> hostNames_;  // without port: "127.0.0.1", "localhost", "[::1]", …
  std::string token_;
  std::uint16_t port_ = 0;
};

}  // namespace onestop::transport
