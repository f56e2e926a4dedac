#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "onestop/api/json.hpp"
#include "onestop/common/result.hpp"

namespace onestop::ctl {

// A blocking JSON-RPC client over one WebSocket: what onestopctl, the integration tests and the
// benchmark use to talk to a real daemon.
class RpcClient {
 public:
  struct Options {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    std::optional<std::string> origin;  // browsers send one; native clients use the token
    std::optional<std::string> token;
    std::chrono::milliseconds timeout{10000};
  };

  static Result<std::unique_ptr<RpcClient>> connect(const Options& options);
  ~RpcClient();
  RpcClient(const RpcClient&) = delete;
  RpcClient& operator=(const RpcClient&) = delete;

  // Sends a request and waits for its reply, handing notifications that arrive meanwhile to the
  // notification handler. Returns the whole response object ({result} or {error}).
  Result<api::Json> call(const std::string& method, const api::Json& params = api::Json::object());
  // Sends raw text and returns the next non-notification frame (for protocol tests).
  Result<std::string> exchange(const std::string& text);
  // The two halves of exchange, for a client with several calls in flight (card.read, then
  // card.cancel on the same session): replies come in the order the daemon finishes them.
  Result<void> send(const std::string& text);
  Result<std::string> nextReply();
  // Waits for the next notification, up to `timeout`.
  Result<api::Json> nextNotification(std::chrono::milliseconds timeout);

  void close();

 private:
  struct Impl;
  explicit RpcClient(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reads the port and token a local daemon published in its runtime dir.
struct DaemonEndpoint {
  std::uint16_t port = 0;
  std::string token;
};
Result<DaemonEndpoint> readEndpoint(const std::string& runtimeDir);

}  // namespace onestop::ctl
