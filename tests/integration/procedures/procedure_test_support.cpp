// Shared by the procedure integration tests (procedure_test_support.hpp).
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <unistd.h>

#include <cstdlib>

#include "procedure_test_support.hpp"

namespace onestop::testing {

std::string httpGet(std::uint16_t port, const std::string& path, const std::string& token) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path,
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.setHost("127.0.0.1:" + std::to_string(port));
  request.set("Authorization", "Bearer " + token);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  auto& body = session.receiveResponse(response);
  std::string text;
  Poco::StreamCopier::copyToString(body, text);
  if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) return {};
  return text;
}

std::string pdfText(const std::string& pdf) {
  const auto dir = fs::temp_directory_path() / ("onestop-pdf-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  { std::ofstream(dir / "in.pdf", std::ios::binary) << pdf; }
  const auto command = "pdftotext -enc UTF-8 " + (dir / "in.pdf").string() + " " +
                       (dir / "out.txt").string() + " 2>/dev/null";
  std::string text;
  if (std::system(command.c_str()) == 0) text = readText(dir / "out.txt");
  fs::remove_all(dir);
  return text;
}

std::string reasonOf(const Json& reply) {
  return reply.contains("error") ? reply["error"]["data"].value("reason", std::string()) : "";
}

Json waitForPrintEnd(ctl::RpcClient& client, const std::string& job) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    auto event = client.nextNotification(std::chrono::milliseconds(500));
    if (!event) continue;
    const auto method = event->value("method", std::string());
    if ((method == "print.completed" || method == "print.failed") &&
        (*event)["params"]["job"] == job) {
      return *event;
    }
  }
  return Json();
}

Json patchFor(ctl::RpcClient& client, const std::string& procedure) {
  const auto described = *client.call("procedures.get", {{"id", procedure}});
  Json patch = Json::object();
  for (const auto& field : described["result"]["fields"]) {
    const auto id = field["id"].get<std::string>();
    const auto all = validPatch(procedure);
    if (all.contains(id)) patch[id] = all[id];
  }
  return patch;
}

bool printsForms(ctl::RpcClient& client, const std::string& procedure) {
  const auto described = *client.call("procedures.get", {{"id", procedure}});
  return !described["result"]["manifest"].value("forms", Json::array()).empty();
}

}  // namespace onestop::testing
