// BlobHandler, MetricsHandler, ErrorHandler: each a few lines over http_util.
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include "http_util.hpp"
#include "onestop/api/blob_store.hpp"
#include "onestop/api/metrics.hpp"
#include "onestop/transport/handshake_policy.hpp"
#include "simple_handlers.hpp"

namespace onestop::transport {

void BlobHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                Poco::Net::HTTPServerResponse& response) {
  auto handshake = handshakeRequestOf(request);
  // A browser sends no Origin with a same-origin GET (the console's fetch of a scanned page) but
  // does send Sec-Fetch-Site, which no page script can set: the request comes from a page of this
  // very origin (Host is already one of ours), so it is judged as that origin. A local program
  // that forges the header gains nothing: it could send that Origin just as well.
  if (!handshake.origin && request.get("Sec-Fetch-Site", "") == "same-origin") {
    handshake.origin = "http://" + handshake.host;
  }
  const auto decision = services_.policy.evaluate(handshake);
  if (!decision.allowed) {
    services_.metrics.recordHandshakeRefused(decision.reason);
    sendError(response, decision.httpStatus, decision.reason);
    return;
  }
  static constexpr std::string_view kPrefix = "/v1/blobs/";
  const auto path = Poco::URI(request.getURI()).getPath();
  const auto blob = services_.blobs.get(path.substr(kPrefix.size()));
  if (!blob) {
    sendError(response, 404, "BLOB_NOT_FOUND");
    return;
  }
  addSecurityHeaders(response);
  if (!decision.origin.empty()) response.set("Access-Control-Allow-Origin", decision.origin);
  response.setContentType(blob->mime);
  response.setKeepAlive(false);
  response.setContentLength(static_cast<std::streamsize>(blob->bytes.size()));
  response.send().write(reinterpret_cast<const char*>(blob->bytes.data()),  // NOLINT: byte view
                        static_cast<std::streamsize>(blob->bytes.size()));
}

void MetricsHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                   Poco::Net::HTTPServerResponse& response) {
  // Scrapers send no Origin; a browser page must be an allowed one.
  if (request.has("Origin") && !services_.policy.evaluate(handshakeRequestOf(request)).allowed) {
    sendError(response, 403, "ORIGIN_FORBIDDEN");
    return;
  }
  const auto body = services_.metrics.render();
  addSecurityHeaders(response);
  response.setContentType("text/plain; version=0.0.4; charset=utf-8");
  response.setKeepAlive(false);
  response.setContentLength(static_cast<std::streamsize>(body.size()));
  response.send() << body;
}

void ErrorHandler::handleRequest(Poco::Net::HTTPServerRequest& /*request*/,
                                 Poco::Net::HTTPServerResponse& response) {
  sendError(response, status_, reason_);
}

}  // namespace onestop::transport
