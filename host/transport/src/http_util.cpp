#include "http_util.hpp"

#include <Poco/Net/HTTPResponse.h>

namespace onestop::transport {

void addSecurityHeaders(Poco::Net::HTTPServerResponse& response) {
  response.set("X-Content-Type-Options", "nosniff");
  response.set("X-Frame-Options", "DENY");
  response.set("Referrer-Policy", "no-referrer");
  response.set("Cache-Control", "no-store");
}

void sendError(Poco::Net::HTTPServerResponse& response, int status, const std::string& reason) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  addSecurityHeaders(response);
  response.setKeepAlive(false);
  response.setContentType("application/json");
  if (status == 401) response.set("WWW-Authenticate", "Bearer realm=\"onestop\"");
  const std::string body = "{\"error\":\"" + reason + "\"}";
  response.setContentLength(static_cast<std::streamsize>(body.size()));
  response.send() << body;
}

HandshakeRequest handshakeRequestOf(const Poco::Net::HTTPServerRequest& request) {
  HandshakeRequest out;
  out.host = request.get("Host", "");
  if (request.has("Origin")) out.origin = request.get("Origin");
  if (request.has("Authorization")) out.authorization = request.get("Authorization");
  return out;
}

}  // namespace onestop::transport
