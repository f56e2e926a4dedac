// card.read / card.cancel / eid.verify / evidence.verify / audit.query against a real onestopd
// whose simulator reader holds the generated chips (PACE, BAC, CA, AA, SM on the chip side).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "daemon_process.hpp"
#include "onestop/ctl/rpc_client.hpp"

namespace onestop::testing {
namespace {

using api::Json;
using ctl::RpcClient;
namespace fs = std::filesystem;

const fs::path kCards = ONESTOP_TEST_CARDS_DIR;
constexpr const char* kReader = "simulator/reader-0";
constexpr const char* kOrigin = "http://app.test.example:8080";
constexpr const char* kChallenge = "server-nonce-0123456789abcdef";

Json cardTruth(const std::string& card) {
  std::ifstream in(kCards / card / "card.json");
  return Json::parse(in);
}

class CardApi : public ::testing::Test {
 protected:
  std::unique_ptr<RpcClient> connect(bool withOrigin = true) {
    RpcClient::Options options;
    options.port = daemon.port();
    options.timeout = std::chrono::seconds(30);
    if (withOrigin) {
      options.origin = kOrigin;
    } else {
      options.token = daemon.token();
    }
    auto client = RpcClient::connect(options);
    if (!client) throw std::runtime_error(client.error().detail());
    return std::move(client).value();
  }

  void insert(const std::string& card) {
    auto admin = connect(false);
    const auto reply = *admin->call("admin.simulator.insertCard", {{"card", card}});
    ASSERT_TRUE(reply.contains("result")) << reply.dump();
  }

  // The key staff would type: CAN for PACE chips, else ID number and date of birth.
  static Json keyFor(const Json& truth) {
    if (truth.value("expected", Json::object()).value("pace", false))
      return {{"can", truth["can"]}};
    return {{"idNumber", truth["printed"]["id"]}, {"dateOfBirth", truth["printed"]["dob"]}};
  }

  Json read(RpcClient& client, const std::string& card, Json extra = Json::object()) {
    Json params{{"reader", kReader}, {"key", keyFor(cardTruth(card))}, {"challenge", kChallenge}};
    params.update(extra);
    return *client.call("card.read", params);
  }

  DaemonProcess daemon;
};

TEST_F(CardApi, ReadsEveryCitizenWithTheRightFieldsAndAGenuineVerdict) {
  for (const std::string& card :
       std::vector<std::string>{"an-2021", "ngoc-2021-noexpiry", "khanh-2024", "minh-2024-child"}) {
    SCOPED_TRACE(card);
    insert(card);
    auto client = connect();
    const auto truth = cardTruth(card);
    const auto reply = read(*client, card);
    ASSERT_TRUE(reply.contains("result")) << reply.dump().substr(0, 2000);
    const auto& r = reply["result"];
    const auto& p = r["person"];
    EXPECT_EQ(p["idNumber"], truth["dg13"]["1"]);
    EXPECT_EQ(p["fullName"], truth["dg13"]["2"]);
    EXPECT_EQ(p["dateOfBirth"], truth["dg13"]["3"]);
    EXPECT_EQ(p["placeOfResidence"], truth["dg13"]["9"]);
    EXPECT_EQ(p["dateOfIssue"], truth["dg13"]["11"]);
    EXPECT_EQ(p["oldIdNumber"], truth["dg13"]["15"].is_null() ? Json("") : truth["dg13"]["15"]);
    const auto& parents = truth["dg13"]["13"];
    EXPECT_EQ(p["mother"]["fullName"], parents[1]["fullName"]);
    if (parents[0].is_null()) {
      EXPECT_TRUE(p["father"].is_null());
    } else {
      EXPECT_EQ(p["father"]["fullName"], parents[0]["fullName"]);
    }
    EXPECT_EQ(r["mrz"]["lines"], truth["mrz"]);
    EXPECT_EQ(r["authentication"]["method"], truth["expected"]["pace"] ? "PACE" : "BAC");
    ASSERT_TRUE(r["photo"].is_object());
    const bool jp2 = fs::exists(kCards / card / "face.jp2");
    EXPECT_EQ(r["photo"]["mime"], jp2 ? "image/png" : "image/jpeg");
    EXPECT_GT(r["photo"]["width"].get<int>(), 0);
    const auto& v = r["verification"];
    EXPECT_TRUE(v["genuine"]) << v.dump();
    EXPECT_TRUE(v["notRevoked"]) << v.dump();
    EXPECT_TRUE(v["valid"]) << v.dump();
    EXPECT_TRUE(v["consistent"]) << v.dump();
    EXPECT_TRUE(v["bound"]) << v.dump();
    EXPECT_EQ(r["evidence"]["origin"], kOrigin);
    EXPECT_EQ(r["evidence"]["chipAuthentication"]["result"],
              truth["expected"]["ca"] ? "passed" : "notPerformed");
  }
}

TEST_F(CardApi, EveryTamperedCardFailsWithItsReason) {
  const std::map<std::string, std::string> reasons{
      {"tampered-dg13", "HASH_MISMATCH"}, {"tampered-dg2", "HASH_MISMATCH"},
      {"wrong-ds", "CHAIN_UNTRUSTED"},    {"expired-ds", "DS_EXPIRED"},
      {"revoked-ds", "DS_REVOKED"},       {"corrupt-signature", "SIGNATURE_INVALID"},
      {"truncated-sod", "SOD_MALFORMED"}, {"malformed-dg13", "DG13_INVALID"},
      {"bad-mrz-check", "MRZ_INVALID"}};
  for (const auto& [card, reason] : reasons) {
    SCOPED_TRACE(card);
    insert(card);
    auto client = connect();
    const auto reply = read(*client, card);
    ASSERT_TRUE(reply.contains("result")) << reply.dump().substr(0, 1000);
    const auto& v = reply["result"]["verification"];
    const auto failures = v["failures"].get<std::vector<std::string>>();
    EXPECT_NE(std::find(failures.begin(), failures.end(), reason), failures.end()) << v.dump();
    const bool genuineFails =
        reason != "DG13_INVALID" && reason != "MRZ_INVALID" && reason != "DS_REVOKED";
    EXPECT_EQ(v["genuine"].get<bool>(), !genuineFails) << v.dump();
  }
}

TEST_F(CardApi, AWrongKeyIsRejectedRetriablyAndTheNextReadSucceeds) {
  insert("ngoc-2021-noexpiry");
  auto client = connect();
  const auto wrong =
      *client->call("card.read", {{"reader", kReader}, {"key", {{"can", "999999"}}}});
  ASSERT_TRUE(wrong.contains("error")) << wrong.dump();
  EXPECT_EQ(wrong["error"]["data"]["reason"], "ACCESS_KEY_REJECTED");
  EXPECT_EQ(wrong["error"]["data"]["retriable"], true);
  EXPECT_FALSE(wrong["error"]["data"]["message"]["vi"].get<std::string>().empty());
  const auto good = read(*client, "ngoc-2021-noexpiry");
  EXPECT_TRUE(good.contains("result")) << good.dump().substr(0, 500);
}

TEST_F(CardApi, ReportsProgressAndTheCitizenBeforeThePhotoToTheReaderOnly) {
  insert("an-2021");
  auto client = connect();
  auto bystander = connect();
  (void)*bystander->call("events.subscribe", {{"topics", {"card.*"}}});
  const auto reply = read(*client, "an-2021");
  ASSERT_TRUE(reply.contains("result"));
  std::vector<Json> events;
  while (auto event = client->nextNotification(std::chrono::milliseconds(200))) {
    events.push_back(*event);
  }
  std::size_t dataAt = 0;
  std::size_t firstDg2At = 0;
  std::set<std::string> states;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    EXPECT_EQ(e["params"]["readId"], reply["result"]["readId"]);
    if (e["method"] == "card.data") dataAt = i;
    if (e["method"] == "card.progress") {
      states.insert(e["params"]["state"].get<std::string>());
      if (firstDg2At == 0 && e["params"].value("file", "") == "EF.DG2") firstDg2At = i;
    }
  }
  EXPECT_TRUE(states.contains("authenticating"));
  EXPECT_TRUE(states.contains("reading"));
  EXPECT_TRUE(states.contains("passiveAuthentication"));
  ASSERT_GT(dataAt, 0U);
  EXPECT_LT(dataAt, firstDg2At) << "DG13 must reach the page before the photo";
  // Nothing with citizen data went to the other session.
  auto leaked = bystander->nextNotification(std::chrono::milliseconds(300));
  EXPECT_FALSE(leaked.ok()) << leaked->dump();
}

TEST_F(CardApi, CancelStopsAReadWaitingForACardOnlyFromItsOwnSession) {
  auto client = connect();
  auto other = connect();
  const auto started = std::chrono::steady_clock::now();
  ASSERT_TRUE(
      client
          ->send(Json{
              {"jsonrpc", "2.0"},
              {"id", "read"},
              {"method", "card.read"},
              {"params",
               {{"reader", kReader}, {"key", {{"can", "012345"}}}, {"waitForCardSeconds", 30}}}}
                     .dump())
          .ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  // Another session's cancel does not touch this read.
  EXPECT_EQ((*other->call("card.cancel"))["result"]["cancelled"], 0);
  // The session keeps reading frames while its card.read waits: its own cancel gets through.
  ASSERT_TRUE(client->send(R"({"jsonrpc":"2.0","id":"cancel","method":"card.cancel"})").ok());
  std::map<std::string, Json> replies;
  for (int i = 0; i < 2; ++i) {
    auto text = client->nextReply();
    ASSERT_TRUE(text.ok()) << text.error().detail();
    auto reply = Json::parse(*text);
    replies[reply["id"].get<std::string>()] = reply;
  }
  EXPECT_EQ(replies["cancel"]["result"]["cancelled"], 1) << replies["cancel"].dump();
  EXPECT_EQ(replies["read"]["error"]["data"]["reason"], "CANCELLED") << replies["read"].dump();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST_F(CardApi, NoCardAndNoReaderAreClearErrors) {
  auto client = connect();
  const auto noCard =
      *client->call("card.read", {{"reader", kReader}, {"key", {{"can", "012345"}}}});
  EXPECT_EQ(noCard["error"]["data"]["reason"], "NO_CARD") << noCard.dump();
  const auto noSuch =
      *client->call("card.read", {{"reader", "simulator/reader-9"}, {"key", {{"can", "012345"}}}});
  EXPECT_EQ(noSuch["error"]["data"]["reason"], "DEVICE_NOT_FOUND") << noSuch.dump();
  const auto noKey = *client->call("card.read", {{"reader", kReader}});
  EXPECT_EQ(noKey["error"]["data"]["reason"], "VALIDATION_FAILED") << noKey.dump();
  const auto badChallenge = *client->call(
      "card.read", {{"reader", kReader}, {"key", {{"can", "012345"}}}, {"challenge", "short"}});
  EXPECT_EQ(badChallenge["error"]["data"]["reason"], "VALIDATION_FAILED");
}

TEST_F(CardApi, EidVerifyAndEvidenceVerifyJudgeTheSameRead) {
  insert("an-2021");
  auto client = connect();
  const auto reply = read(*client, "an-2021");
  ASSERT_TRUE(reply.contains("result"));
  const auto truth = cardTruth("an-2021");
  const auto readId = reply["result"]["readId"];

  const auto verdict = *client->call("eid.verify", {{"readId", readId}, {"qr", truth["qr2021"]}});
  ASSERT_TRUE(verdict.contains("result")) << verdict.dump();
  EXPECT_TRUE(verdict["result"]["verdict"]["consistent"]) << verdict.dump();
  std::string forged = truth["qr2021"];
  forged.replace(forged.find("15061995"), 8, "16061995");
  const auto mismatch = *client->call("eid.verify", {{"readId", readId}, {"qr", forged}});
  EXPECT_EQ(mismatch["result"]["verdict"]["failures"], Json({"QR_MISMATCH"})) << mismatch.dump();

  // Another session cannot use this read id.
  auto other = connect();
  const auto foreign = *other->call("eid.verify", {{"readId", readId}});
  EXPECT_EQ(foreign["error"]["data"]["reason"], "INVALID_STATE");

  const auto& evidence = reply["result"]["evidence"];
  const auto offline = *client->call(
      "evidence.verify", {{"evidence", evidence}, {"challenge", kChallenge}, {"origin", kOrigin}});
  ASSERT_TRUE(offline.contains("result")) << offline.dump();
  EXPECT_TRUE(offline["result"]["verdict"]["genuine"]);
  EXPECT_TRUE(offline["result"]["verdict"]["bound"]);
  const auto replayed = *client->call(
      "evidence.verify",
      {{"evidence", evidence}, {"challenge", "another-server-nonce-xyz"}, {"origin", kOrigin}});
  EXPECT_FALSE(replayed["result"]["verdict"]["bound"]);
  Json tampered = evidence;
  tampered["origin"] = "http://evil.example";
  const auto moved =
      *client->call("evidence.verify", {{"evidence", tampered}, {"origin", kOrigin}});
  EXPECT_FALSE(moved["result"]["verdict"]["bound"]) << moved.dump();
  const auto garbage = *client->call("evidence.verify", {{"evidence", {{"format", "x"}}}});
  EXPECT_EQ(garbage["error"]["data"]["reason"], "VALIDATION_FAILED");
}

TEST_F(CardApi, EveryReadIsAuditedWithoutCitizenData) {
  insert("an-2021");
  auto client = connect();
  (void)*client->call("card.read", {{"reader", kReader}, {"key", {{"can", "999999"}}}});
  const auto ok = read(*client, "an-2021");
  ASSERT_TRUE(ok.contains("result"));
  auto admin = connect(false);
  const auto audit = *admin->call("audit.query", {{"method", "card.read"}});
  ASSERT_TRUE(audit.contains("result")) << audit.dump();
  const auto& records = audit["result"]["records"];
  ASSERT_EQ(records.size(), 2U) << records.dump();
  EXPECT_TRUE(audit["result"]["chainValid"]);
  EXPECT_EQ(records[0]["outcome"], "OK");
  EXPECT_EQ(records[0]["actor"], kOrigin);
  EXPECT_EQ(records[0]["subject"], std::string("reader:") + kReader);
  EXPECT_EQ(records[1]["outcome"], "ACCESS_KEY_REJECTED");
  const auto truth = cardTruth("an-2021");
  const std::string dump = records.dump() + daemon.stderrText();
  for (const std::string& secret :
       {truth["printed"]["id"].get<std::string>(), truth["printed"]["name"].get<std::string>(),
        truth["bac"]["documentNumber"].get<std::string>()}) {
    EXPECT_EQ(dump.find(secret), std::string::npos) << "citizen data in audit or log";
  }
}

}  // namespace
}  // namespace onestop::testing
