// qr.decode / qr.parse / card.readFromQr against a real onestopd: the simulator scanner lays
// the generated cards' QR side on its glass, the simulator reader holds their chips.
#include <chrono>
#include <thread>

#include "onestop/common/base64.hpp"
#include "scan_test_support.hpp"

namespace onestop::testing {
namespace {

constexpr const char* kReader = "simulator/reader-0";
constexpr const char* kChallenge = "server-nonce-0123456789abcdef";

// The text of the card's printed QR (build.py writes it as "qr").
std::string qrOf(const Json& truth) {
  return truth["qr"].get<std::string>();
}

class QrApi : public ScanApi {
 protected:
  void placeOnGlass(const Json& card) {
    const auto reply = admin("admin.simulator.placeOnGlass", {{"card", card}});
    ASSERT_TRUE(reply.contains("result")) << reply.dump();
    EXPECT_EQ(reply["result"]["card"], card);
  }
  void insert(const std::string& card) {
    const auto reply = admin("admin.simulator.insertCard", {{"card", card}});
    ASSERT_TRUE(reply.contains("result")) << reply.dump();
  }
  // A flatbed page's blob id.
  std::string scanBlob(ctl::RpcClient& client) {
    const auto job = scan(client, {{"format", "png"}});
    EXPECT_EQ(job.ending, "scan.completed") << job.end.dump();
    return job.pages.empty() ? std::string() : job.pages[0]["blob"].get<std::string>();
  }
};

TEST_F(QrApi, DecodingTheGlassScanGivesTheCardText) {
  auto client = connect();
  placeOnGlass("an-2021");
  const auto blob = scanBlob(*client);
  const auto reply = *client->call("qr.decode", {{"blob", blob}});
  ASSERT_TRUE(reply.contains("result")) << reply.dump();
  const auto& symbols = reply["result"]["symbols"];
  ASSERT_EQ(symbols.size(), 1u) << symbols.dump();
  EXPECT_EQ(symbols[0]["text"], qrOf(cardTruth("an-2021")));
  EXPECT_EQ(symbols[0]["format"], "QRCode");
  EXPECT_EQ(symbols[0]["kind"], "cccdCard");
  EXPECT_EQ(symbols[0]["position"].size(), 4u);
}

TEST_F(QrApi, ABlankPageIsQrNotFoundAndGarbageIsImageInvalid) {
  auto client = connect();
  placeOnGlass(nullptr);  // the simulator's document page: no symbol
  const auto blank = *client->call("qr.decode", {{"blob", scanBlob(*client)}});
  EXPECT_EQ(blank["error"]["data"]["reason"], "QR_NOT_FOUND") << blank.dump();
  EXPECT_EQ(blank["error"]["code"], 1028);
  const auto garbage = *client->call("qr.decode", {{"image", "bm90IGFuIGltYWdlIGF0IGFsbA=="}});
  EXPECT_EQ(garbage["error"]["data"]["reason"], "IMAGE_INVALID") << garbage.dump();
  EXPECT_EQ(garbage["error"]["code"], 1030);
  EXPECT_EQ((*client->call("qr.decode", {{"image", "***"}}))["error"]["data"]["reason"],
            "IMAGE_INVALID");
}

TEST_F(QrApi, ParsingEachCardsQrGivesItsFields) {
  auto client = connect();
  for (const std::string card :
       {"an-2021", "ngoc-2021-noexpiry", "khanh-2024", "minh-2024-child"}) {
    SCOPED_TRACE(card);
    const auto truth = cardTruth(card);
    const auto reply = *client->call("qr.parse", {{"text", qrOf(truth)}});
    ASSERT_TRUE(reply.contains("result")) << reply.dump();
    EXPECT_EQ(reply["result"]["kind"], "cccdCard");
    const auto& parsed = reply["result"]["card"];
    const auto generation = truth["generation"].get<std::string>();  // "CCCD_2021" …
    EXPECT_EQ(parsed["generation"], generation.substr(generation.size() - 4));
    EXPECT_EQ(parsed["idNumber"], truth["printed"]["id"]);
    EXPECT_EQ(parsed["fullName"], truth["printed"]["name"]);
    const auto dob = truth["printed"]["dob"].get<std::string>();  // dd/mm/yyyy
    EXPECT_EQ(parsed["dateOfBirth"],
              dob.substr(6, 4) + "-" + dob.substr(3, 2) + "-" + dob.substr(0, 2));
    EXPECT_EQ(parsed["sex"], truth["printed"]["sex"] == "Nam" ? "M" : "F");
  }
}

TEST_F(QrApi, AUrlIsNotACardQrAndTheReplyDoesNotRepeatIt) {
  auto client = connect();
  const auto reply =
      *client->call("qr.parse", {{"text", "https://bank.example/pay?acct=99887766"}});
  EXPECT_EQ(reply["error"]["data"]["reason"], "QR_NOT_CCCD") << reply.dump();
  EXPECT_EQ(reply["error"]["code"], 1029);
  EXPECT_FALSE(reply["error"]["data"]["details"]["found"].get<std::string>().empty());
  EXPECT_EQ(reply.dump().find("99887766"), std::string::npos);
}

TEST_F(QrApi, TheSimulatedVneidAppQrIsAnsweredByTheVerifier) {
  auto client = connect();
  const auto issued = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  const auto text = "ONESTOP-SIM-VNEID/1|001095012345|" + std::to_string(issued);
  const auto reply = *client->call("qr.parse", {{"text", text}});
  ASSERT_TRUE(reply.contains("result")) << reply.dump();
  EXPECT_EQ(reply["result"]["kind"], "vneidApp");
  EXPECT_EQ(reply["result"]["appQr"]["status"], "ACTIVE");
  EXPECT_TRUE(reply["result"]["appQr"].contains("validUntil"));
  EXPECT_EQ(reply["result"]["appQr"]["confirmed"]["idNumber"], "001095012345");
}

TEST_F(QrApi, ReadFromQrScansDecodesAndReadsWithNothingTyped) {
  placeOnGlass("an-2021");
  insert("an-2021");
  auto client = connect();
  const auto reply =
      *client->call("card.readFromQr",
                    {{"reader", kReader}, {"scanner", kSimScanner}, {"challenge", kChallenge}});
  ASSERT_TRUE(reply.contains("result")) << reply.dump().substr(0, 2000);
  const auto& r = reply["result"];
  const auto truth = cardTruth("an-2021");
  EXPECT_EQ(r["person"]["idNumber"], truth["dg13"]["1"]);
  EXPECT_EQ(r["person"]["fullName"], truth["dg13"]["2"]);
  EXPECT_EQ(r["person"]["dateOfBirth"], truth["dg13"]["3"]);
  EXPECT_EQ(r["person"]["placeOfResidence"], truth["dg13"]["9"]);
  EXPECT_TRUE(r["verification"]["genuine"]) << r["verification"].dump();
  EXPECT_TRUE(r["verification"]["consistent"]) << r["verification"].dump();
  EXPECT_TRUE(r["verification"]["bound"]) << r["verification"].dump();
  EXPECT_EQ(r["qr"]["source"], "scan");
  EXPECT_EQ(r["qr"]["generation"], "2021");
  EXPECT_EQ(r["qr"]["symbolsFound"], 1);
  EXPECT_EQ(r["scan"]["mime"], "image/png");
  EXPECT_EQ(
      httpGet(daemon.port(), "/v1/blobs/" + r["scan"]["blob"].get<std::string>(), daemon.token())
          .status,
      200);
  // The states before the chip were reported, to this session.
  std::vector<std::string> states;
  while (auto event = client->nextNotification(std::chrono::milliseconds(200))) {
    if (event->value("method", "") == "card.progress")
      states.push_back((*event)["params"]["state"]);
  }
  ASSERT_GE(states.size(), 3u);
  EXPECT_EQ(states[0], "scanning");
  EXPECT_EQ(states[1], "decodingQr");
}

TEST_F(QrApi, AChipThatDiffersFromItsPrintedQrIsAQrMismatch) {
  placeOnGlass("an-2021");
  insert("tampered-dg13");  // an-2021's chip with one byte of the name changed
  auto client = connect();
  const auto reply = *client->call("card.readFromQr", {{"reader", kReader}});
  ASSERT_TRUE(reply.contains("result")) << reply.dump().substr(0, 2000);
  const auto& v = reply["result"]["verification"];
  EXPECT_FALSE(v["consistent"]) << v.dump();
  bool mismatch = false;
  for (const auto& check : v["checks"]) mismatch |= check.value("reason", "") == "QR_MISMATCH";
  EXPECT_TRUE(mismatch) << v.dump();
}

TEST_F(QrApi, ReadFromQrTakesACardImageInstead) {
  insert("khanh-2024");
  auto client = connect();
  const auto image = readBytes(kCards / "khanh-2024" / "card-qr-side-600dpi.png");
  ASSERT_FALSE(image.empty());
  const auto reply =
      *client->call("card.readFromQr", {{"reader", kReader}, {"image", base64Encode(image)}});
  ASSERT_TRUE(reply.contains("result")) << reply.dump().substr(0, 2000);
  EXPECT_EQ(reply["result"]["qr"]["source"], "image");
  EXPECT_EQ(reply["result"]["qr"]["generation"], "2024");
  EXPECT_FALSE(reply["result"].contains("scan"));
  EXPECT_EQ(reply["result"]["person"]["idNumber"], cardTruth("khanh-2024")["dg13"]["1"]);
  EXPECT_TRUE(reply["result"]["verification"]["consistent"])
      << reply["result"]["verification"].dump();
}

TEST_F(QrApi, ReadFromQrWithoutACardQrFailsBeforeTheChip) {
  insert("an-2021");
  placeOnGlass(nullptr);
  auto client = connect();
  const auto reply = *client->call("card.readFromQr", {{"reader", kReader}});
  EXPECT_EQ(reply["error"]["data"]["reason"], "QR_NOT_FOUND") << reply.dump();
  const auto audit = admin("audit.query", {{"method", "card.readFromQr"}});
  ASSERT_TRUE(audit.contains("result")) << audit.dump();
  ASSERT_FALSE(audit["result"]["records"].empty());
  EXPECT_EQ(audit["result"]["records"][0]["outcome"], "QR_NOT_FOUND");
}

TEST_F(QrApi, AuditRecordsOfQrUseCarryNoCitizenValues) {
  placeOnGlass("an-2021");
  insert("an-2021");
  auto client = connect();
  const auto truth = cardTruth("an-2021");
  ASSERT_TRUE((*client->call("qr.parse", {{"text", qrOf(truth)}})).contains("result"));
  ASSERT_TRUE((*client->call("card.readFromQr", {{"reader", kReader}})).contains("result"));
  const auto audit = admin("audit.query", Json::object());
  ASSERT_TRUE(audit.contains("result")) << audit.dump();
  const auto text = audit["result"]["records"].dump();
  std::vector<std::string> methods;
  for (const auto& record : audit["result"]["records"]) methods.push_back(record["method"]);
  EXPECT_NE(std::find(methods.begin(), methods.end(), "qr.parse"), methods.end());
  EXPECT_NE(std::find(methods.begin(), methods.end(), "card.readFromQr"), methods.end());
  for (const auto& value :
       {truth["printed"]["id"].get<std::string>(), truth["printed"]["name"].get<std::string>(),
        truth["printed"]["dob"].get<std::string>(), std::string("Phố Huế")}) {
    EXPECT_EQ(text.find(value), std::string::npos) << value;
  }
  // Nor in the daemon's log.
  const auto log = daemon.stderrText();
  EXPECT_EQ(log.find(truth["printed"]["id"].get<std::string>()), std::string::npos);
  EXPECT_EQ(log.find(truth["printed"]["name"].get<std::string>()), std::string::npos);
}

}  // namespace
}  // namespace onestop::testing
