#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <optional>
#include <string>

#include "onestop/transport/handshake_policy.hpp"

namespace onestop::transport {

// Headers every response carries: nothing cached, nothing framed, nothing sniffed.
void addSecurityHeaders(Poco::Net::HTTPServerResponse& response);

// A small JSON error body ({"error": reason}) with the status; the connection is closed after.
void sendError(Poco::Net::HTTPServerResponse& response, int status, const std::string& reason);

HandshakeRequest handshakeRequestOf(const Poco::Net::HTTPServerRequest& request);

}  // namespace onestop::transport
