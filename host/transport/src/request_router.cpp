#include "request_router.hpp"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include "onestop/api/metrics.hpp"
#include "onestop/transport/handshake_policy.hpp"
#include "simple_handlers.hpp"
#include "websocket_handler.hpp"

namespace onestop::transport {

Poco::Net::HTTPRequestHandler* RequestRouter::createRequestHandler(
    const Poco::Net::HTTPServerRequest& request) {
  if (!services_.policy.isAllowedHost(request.get("Host", ""))) {
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still says its own name here.
    services_.metrics.recordHandshakeRefused("HOST_FORBIDDEN");
    Poco::Logger::get("onestop.transport").warning("request refused: HOST_FORBIDDEN");
    return new ErrorHandler(403, "HOST_FORBIDDEN");
  }
  std::string path;
  try {
    path = Poco::URI(request.getURI()).getPath();
  } catch (const Poco::Exception&) {
    return new ErrorHandler(400, "BAD_PATH");
  }
  const auto& method = request.getMethod();
  if (path == "/v1") {
    if (Poco::icompare(request.get("Upgrade", ""), "websocket") != 0) {
      return new ErrorHandler(426, "UPGRADE_REQUIRED");
    }
    return new WebSocketHandler(options_, services_, registry_, nextSessionId_);
  }
  if (method != "GET" && method != "HEAD") return new ErrorHandler(405, "METHOD_NOT_ALLOWED");
  if (path.rfind("/v1/blobs/", 0) == 0) return new BlobHandler(services_);
  if (path == "/metrics") return new MetricsHandler(services_);
  if (path.rfind("/v1", 0) == 0) return new ErrorHandler(404, "NOT_FOUND");
  return new StaticFileHandler(options_.webRoot);
}

}  // namespace onestop::transport
