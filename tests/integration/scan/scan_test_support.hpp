#pragma once
// What the scan integration tests share: a client to a real onestopd, its blobs over HTTP,
// scan jobs run to their end, and image headers read without an image library.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "daemon_process.hpp"
#include "onestop/ctl/rpc_client.hpp"

namespace onestop::testing {

using api::Json;
namespace fs = std::filesystem;

inline const fs::path kCards = ONESTOP_TEST_CARDS_DIR;
inline const std::string kScanConfig = ONESTOP_SCAN_TEST_CONFIG;
constexpr const char* kScanOrigin = "http://app.test.example:8080";
constexpr const char* kSimScanner = "simulator/scanner-0";

inline Json cardTruth(const std::string& card) {
  std::ifstream in(kCards / card / "card.json");
  return Json::parse(in);
}

inline std::vector<std::uint8_t> readBytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct HttpReply {
  int status = 0;
  std::string contentType;
  std::vector<std::uint8_t> body;
};

inline HttpReply httpGet(std::uint16_t port, const std::string& path,
                         const std::optional<std::string>& token) {
  Poco::Net::HTTPClientSession session("127.0.0.1", port);
  Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, path,
                                 Poco::Net::HTTPMessage::HTTP_1_1);
  request.setHost("127.0.0.1:" + std::to_string(port));
  if (token) request.set("Authorization", "Bearer " + *token);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  auto& body = session.receiveResponse(response);
  HttpReply reply;
  reply.status = static_cast<int>(response.getStatus());
  reply.contentType = response.getContentType();
  // StreamCopier rather than istreambuf_iterator: GCC 12 at -O2 flags the latter's inlined
  // streambuf access as a null dereference (-Wnull-dereference) in this translation unit.
  std::string text;
  Poco::StreamCopier::copyToString(body, text);
  reply.body.assign(text.begin(), text.end());
  return reply;
}

// Width and height from a PNG's IHDR or a JPEG's SOFn; nullopt for anything else.
inline std::optional<std::pair<int, int>> imageSize(const std::vector<std::uint8_t>& b) {
  const auto be16 = [&](std::size_t i) { return (b[i] << 8) | b[i + 1]; };
  if (b.size() > 24 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
    return std::pair{(be16(16) << 16) | be16(18), (be16(20) << 16) | be16(22)};
  }
  if (b.size() < 4 || b[0] != 0xFF || b[1] != 0xD8) return std::nullopt;
  std::size_t i = 2;
  while (i + 9 < b.size()) {
    if (b[i] != 0xFF) return std::nullopt;
    const int marker = b[i + 1];
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      return std::pair{be16(i + 7), be16(i + 5)};
    }
    i += 2 + static_cast<std::size_t>(be16(i + 2));
  }
  return std::nullopt;
}

// A fresh daemon per test, with the simulated online verifier that knows the test app QR.
class ScanApi : public ::testing::Test {
 protected:
  std::unique_ptr<ctl::RpcClient> connect(bool withOrigin = true) {
    ctl::RpcClient::Options options;
    options.port = daemon.port();
    options.timeout = std::chrono::seconds(60);
    if (withOrigin) {
      options.origin = kScanOrigin;
    } else {
      options.token = daemon.token();
    }
    auto client = ctl::RpcClient::connect(options);
    if (!client) throw std::runtime_error(client.error().detail());
    return std::move(client).value();
  }

  Json admin(const std::string& method, const Json& params) {
    if (!adminClient) adminClient = connect(false);
    return *adminClient->call(method, params);
  }

  // Public: the SANE daemon test drives its own daemon with the same job runner.
 public:
  struct Job {
    std::string jobId;
    std::vector<Json> pages;
    std::string ending;  // "scan.completed" | "scan.failed"
    Json end;
  };

  // Starts a job and collects its events until its end.
  static Job scan(ctl::RpcClient& client, const Json& params) {
    Job job;
    const auto reply = *client.call("scan.start", params);
    if (!reply.contains("result")) {
      ADD_FAILURE() << reply.dump();
      return job;
    }
    job.jobId = reply["result"]["jobId"];
    while (job.ending.empty()) {
      auto event = client.nextNotification(std::chrono::seconds(60));
      if (!event) {
        ADD_FAILURE() << "no scan event: " << event.error().detail();
        return job;
      }
      const auto method = event->value("method", "");
      if ((*event)["params"].value("jobId", "") != job.jobId) continue;
      if (method == "scan.page") {
        job.pages.push_back((*event)["params"]);
      } else if (method == "scan.completed" || method == "scan.failed") {
        job.ending = method;
        job.end = (*event)["params"];
      }
    }
    return job;
  }

 protected:
  DaemonProcess daemon{{}, kScanConfig};
  std::unique_ptr<ctl::RpcClient> adminClient;
};

}  // namespace onestop::testing
