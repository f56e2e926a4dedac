#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include <atomic>
#include <cstdint>

#include "onestop/transport/server.hpp"
#include "session_registry.hpp"

namespace onestop::transport {

// Picks the handler for a request; refuses a foreign Host before anything else is looked at.
class RequestRouter : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  RequestRouter(const ServerOptions& options, ServerServices services, SessionRegistry& registry)
      : options_(options), services_(services), registry_(registry) {}

  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& request) override;

 private:
  const ServerOptions& options_;
  ServerServices services_;
  SessionRegistry& registry_;
  std::atomic<std::uint64_t> nextSessionId_{0};
};

}  // namespace onestop::transport
