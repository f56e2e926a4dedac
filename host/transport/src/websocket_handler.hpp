#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <atomic>
#include <cstdint>

#include "onestop/transport/server.hpp"
#include "session_registry.hpp"

namespace onestop::transport {

// One WebSocket connection on /v1, from the policy check through the upgrade to the close.
// Runs on its server thread for the whole connection; calls are answered in order.
class WebSocketHandler : public Poco::Net::HTTPRequestHandler {
 public:
  WebSocketHandler(const ServerOptions& options, ServerServices services, SessionRegistry& registry,
                   std::atomic<std::uint64_t>& nextSessionId)
      : options_(options),
        services_(services),
        registry_(registry),
        nextSessionId_(nextSessionId) {}

  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override;

 private:
  const ServerOptions& options_;
  ServerServices services_;
  SessionRegistry& registry_;
  std::atomic<std::uint64_t>& nextSessionId_;
};

}  // namespace onestop::transport
