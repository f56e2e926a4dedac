#pragma once
// What the procedure integration tests share: a real onestopd with the simulators and the
// shipped procedures, a card read of a test citizen, a case created from it and the values
// staff would type for each procedure.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "daemon_process.hpp"
#include "onestop/ctl/rpc_client.hpp"

namespace onestop::testing {

using api::Json;
namespace fs = std::filesystem;

inline const fs::path kCards = ONESTOP_TEST_CARDS_DIR;
constexpr const char* kReader = "simulator/reader-0";
constexpr const char* kOrigin = "http://app.test.example:8080";
constexpr const char* kSimPrinter = "simulator/printer-0";

// The whole file (rdbuf, not istreambuf_iterator: GCC 12 -O2 -Wnull-dereference).
inline std::string readText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline Json cardTruth(const std::string& card) {
  std::ifstream in(kCards / card / "card.json");
  return Json::parse(in);
}

// The applicant's part of a valid form per procedure: what the card cannot know.
Json validPatch(const std::string& procedure);

inline const std::array<std::string, 8> kProcedures{"thuong-tru",  "tam-tru",  "gia-han-tam-tru",
                                                    "tam-vang",    "luu-tru",  "xoa-thuong-tru",
                                                    "xoa-tam-tru", "eid-muc-2"};

// GET with the daemon's token; the body, empty unless 200.
std::string httpGet(std::uint16_t port, const std::string& path, const std::string& token);
// The text of a PDF as pdftotext (poppler) extracts it: what a citizen's name must survive.
std::string pdfText(const std::string& pdf);
std::string reasonOf(const Json& reply);
// Waits for print.completed or print.failed of `job`; returns that notification (null: none).
Json waitForPrintEnd(ctl::RpcClient& client, const std::string& job);
// validPatch restricted to the procedure's own fields (some have no phone, for instance).
Json patchFor(ctl::RpcClient& client, const std::string& procedure);
// Whether the procedure prints forms of its own (lưu trú is notified, nothing to print).
bool printsForms(ctl::RpcClient& client, const std::string& procedure);

class ProcedureApi : public ::testing::Test {
 protected:
  explicit ProcedureApi(std::string config = DaemonProcess::testConfig())
      : daemon({}, std::move(config)) {}

  std::unique_ptr<ctl::RpcClient> connect(bool withOrigin = true,
                                          const std::string& origin = kOrigin) {
    ctl::RpcClient::Options options;
    options.port = daemon.port();
    options.timeout = std::chrono::seconds(30);
    if (withOrigin) {
      options.origin = origin;
    } else {
      options.token = daemon.token();
    }
    auto client = ctl::RpcClient::connect(options);
    if (!client) throw std::runtime_error(client.error().detail());
    return std::move(client).value();
  }

  // Inserts the card, reads it with its CAN or ID + birth date; returns the readId.
  std::string readCard(ctl::RpcClient& client, const std::string& card) {
    auto admin = connect(false);
    const auto inserted = *admin->call("admin.simulator.insertCard", {{"card", card}});
    EXPECT_TRUE(inserted.contains("result")) << inserted.dump();
    const auto truth = cardTruth(card);
    Json key =
        truth.value("expected", Json::object()).value("pace", false)
            ? Json{{"can", truth["can"]}}
            : Json{{"idNumber", truth["printed"]["id"]}, {"dateOfBirth", truth["printed"]["dob"]}};
    const auto read = *client.call("card.read", {{"reader", kReader}, {"key", key}});
    EXPECT_TRUE(read.contains("result")) << read.dump();
    return read.contains("result") ? read["result"]["readId"].get<std::string>() : "";
  }

  Json createCase(ctl::RpcClient& client, const std::string& procedure, const std::string& readId) {
    const auto reply =
        *client.call("cases.create", {{"procedure", procedure}, {"cardRead", readId}});
    EXPECT_TRUE(reply.contains("result")) << procedure << ": " << reply.dump();
    return reply.contains("result") ? reply["result"]["case"] : Json();
  }

  static std::size_t errors(const Json& problems) {
    std::size_t n = 0;
    for (const auto& p : problems) {
      if (p.value("severity", "error") == "error") ++n;
    }
    return n;
  }

  DaemonProcess daemon;
};

}  // namespace onestop::testing
