#pragma once

#include <Poco/Net/HTTPRequestHandler.h>

#include <filesystem>
#include <string>

#include "onestop/transport/server.hpp"

namespace onestop::transport {

// GET / and below: the console's static files, from one root, never outside it.
class StaticFileHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit StaticFileHandler(std::filesystem::path root) : root_(std::move(root)) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override;

 private:
  std::filesystem::path root_;
};

// GET /v1/blobs/<id>: under the same Origin/token rules as the WebSocket.
class BlobHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit BlobHandler(ServerServices services) : services_(services) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override;

 private:
  ServerServices services_;
};

// GET /metrics: Prometheus text; counters only, no citizen data.
class MetricsHandler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit MetricsHandler(ServerServices services) : services_(services) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override;

 private:
  ServerServices services_;
};

// Anything refused before routing (bad Host, wrong method, unknown path).
class ErrorHandler : public Poco::Net::HTTPRequestHandler {
 public:
  ErrorHandler(int status, std::string reason) : status_(status), reason_(std::move(reason)) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override;

 private:
  int status_;
  std::string reason_;
};

}  // namespace onestop::transport
