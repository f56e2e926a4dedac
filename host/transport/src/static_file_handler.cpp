#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/URI.h>

#include <fstream>
#include <map>
#include <sstream>

#include "http_util.hpp"
#include "simple_handlers.hpp"

namespace onestop::transport {
namespace {

std::string mimeOf(const std::filesystem::path& path) {
  static const std::map<std::string, std::string> kTypes{{".html", "text/html; charset=utf-8"},
                                                         {".js", "text/javascript; charset=utf-8"},
                                                         {".mjs", "text/javascript; charset=utf-8"},
                                                         {".css", "text/css; charset=utf-8"},
                                                         {".json", "application/json"},
                                                         {".svg", "image/svg+xml"},
                                                         {".png", "image/png"},
                                                         {".ico", "image/x-icon"},
                                                         {".woff2", "font/woff2"}};
  const auto it = kTypes.find(path.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

}  // namespace

void StaticFileHandler::handleRequest(Poco::Net::HTTPServerRequest& request,
                                      Poco::Net::HTTPServerResponse& response) {
  std::string path;
  try {
    Poco::URI::decode(Poco::URI(request.getURI()).getPath(), path);
  } catch (const Poco::Exception&) {
    sendError(response, 400, "BAD_PATH");
    return;
  }
  if (path.empty() || path.back() == '/') path += "index.html";
  // Resolve and require the result to stay under the root: no "..", no symlink escapes.
  std::error_code ec;
  const auto root = std::filesystem::weakly_canonical(root_, ec);
  const auto file = std::filesystem::weakly_canonical(root_ / path.substr(1), ec);
  const auto rel = file.lexically_relative(root);
  if (ec || rel.empty() || rel.native().rfind("..", 0) == 0 ||
      !std::filesystem::is_regular_file(file, ec)) {
    sendError(response, 404, "NOT_FOUND");
    return;
  }
  std::ifstream in(file, std::ios::binary);
  std::ostringstream body;
  body << in.rdbuf();
  const auto content = body.str();
  addSecurityHeaders(response);
  const auto host = request.get("Host", "");
  response.set("Content-Security-Policy",
               "default-src 'self'; connect-src 'self' ws://" + host +
                   "; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
                   "frame-ancestors 'none'; base-uri 'none'");
  response.setContentType(mimeOf(file));
  response.setKeepAlive(false);
  response.setContentLength(static_cast<std::streamsize>(content.size()));
  if (request.getMethod() == "HEAD") {
    response.send();
    return;
  }
  response.send() << content;
}

}  // namespace onestop::transport
