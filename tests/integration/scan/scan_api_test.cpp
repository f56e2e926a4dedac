// scan.* against a real onestopd with the simulator scanner: capabilities, flatbed and ADF jobs,
// pages as blobs over HTTP, every simulator fault typed, cancel, events to the caller only.
#include <thread>

#include "scan_test_support.hpp"

namespace onestop::testing {
namespace {

TEST_F(ScanApi, CapabilitiesOfTheSimulatorScanner) {
  auto client = connect();
  const auto reply = *client->call("scan.capabilities", {{"scanner", kSimScanner}});
  ASSERT_TRUE(reply.contains("result")) << reply.dump();
  const auto& caps = reply["result"];
  EXPECT_EQ(caps["scanner"], kSimScanner);
  EXPECT_EQ(caps["modes"], Json::array({"color", "gray"}));
  EXPECT_EQ(caps["sources"], Json::array({"flatbed", "adf"}));
  EXPECT_NE(std::find(caps["resolutions"].begin(), caps["resolutions"].end(), 300),
            caps["resolutions"].end());
  EXPECT_EQ(caps["maxArea"]["widthMm"], 210.0);
  EXPECT_EQ(caps["maxArea"]["heightMm"], 297.0);
  // The only scanner is the default.
  EXPECT_EQ((*client->call("scan.capabilities"))["result"]["scanner"], kSimScanner);
}

TEST_F(ScanApi, AFlatbedPageIsAJpegBlobOfTheStatedSize) {
  auto client = connect();
  const auto job = scan(*client, Json::object());
  ASSERT_EQ(job.ending, "scan.completed") << job.end.dump();
  EXPECT_EQ(job.end["pages"], 1);
  ASSERT_EQ(job.pages.size(), 1u);
  const auto& page = job.pages[0];
  EXPECT_EQ(page["index"], 1);
  EXPECT_EQ(page["mime"], "image/jpeg");  // colour: JPEG by default
  EXPECT_EQ(page["resolution"], 300);
  EXPECT_EQ(page["thumbnail"]["mime"], "image/jpeg");
  EXPECT_LE(std::max(page["thumbnail"]["width"].get<int>(), page["thumbnail"]["height"].get<int>()),
            256);

  const auto blob =
      httpGet(daemon.port(), "/v1/blobs/" + page["blob"].get<std::string>(), daemon.token());
  ASSERT_EQ(blob.status, 200);
  EXPECT_EQ(blob.contentType, "image/jpeg");
  EXPECT_EQ(blob.body.size(), page["bytes"].get<std::size_t>());
  const auto size = imageSize(blob.body);
  ASSERT_TRUE(size);
  EXPECT_EQ(size->first, page["width"].get<int>());
  EXPECT_EQ(size->second, page["height"].get<int>());
  // Same rules as everything: no token, no Origin → refused.
  EXPECT_EQ(
      httpGet(daemon.port(), "/v1/blobs/" + page["blob"].get<std::string>(), std::nullopt).status,
      401);
}

TEST_F(ScanApi, TheFeederGivesAllItsPagesOrTheNumberAsked) {
  auto client = connect();
  const auto all = scan(*client, {{"source", "adf"}});
  ASSERT_EQ(all.ending, "scan.completed") << all.end.dump();
  EXPECT_EQ(all.pages.size(), 3u);  // the simulator's three document pages
  EXPECT_EQ(all.end["pages"], 3);
  for (std::size_t i = 0; i < all.pages.size(); ++i) EXPECT_EQ(all.pages[i]["index"], i + 1);

  const auto two = scan(*client, {{"source", "adf"}, {"pages", 2}});
  ASSERT_EQ(two.ending, "scan.completed");
  EXPECT_EQ(two.pages.size(), 2u);
}

TEST_F(ScanApi, GrayPagesArePng) {
  auto client = connect();
  const auto job = scan(*client, {{"mode", "gray"}, {"resolution", 150}});
  ASSERT_EQ(job.ending, "scan.completed") << job.end.dump();
  ASSERT_EQ(job.pages.size(), 1u);
  EXPECT_EQ(job.pages[0]["mime"], "image/png");
  const auto blob = httpGet(daemon.port(), "/v1/blobs/" + job.pages[0]["blob"].get<std::string>(),
                            daemon.token());
  const auto size = imageSize(blob.body);
  ASSERT_TRUE(size);
  EXPECT_EQ(size->first, job.pages[0]["width"].get<int>());
}

TEST_F(ScanApi, EverySimulatorFaultIsTypedAndTheNextJobWorks) {
  auto client = connect();
  const std::vector<std::pair<std::string, std::string>> faults{{"jammed", "SCANNER_JAMMED"},
                                                                {"coverOpen", "COVER_OPEN"},
                                                                {"busy", "DEVICE_BUSY"},
                                                                {"io", "IO_ERROR"},
                                                                {"noDocuments", "NO_DOCUMENTS"}};
  for (const auto& [fault, reason] : faults) {
    SCOPED_TRACE(fault);
    const auto set = admin("admin.simulator.scannerFault", {{"fault", fault}});
    ASSERT_TRUE(set.contains("result")) << set.dump();
    EXPECT_EQ(set["result"]["scanner"], kSimScanner);
    const auto failed = scan(*client, {{"source", "adf"}});
    ASSERT_EQ(failed.ending, "scan.failed");
    EXPECT_EQ(failed.end["error"]["reason"], reason);
    EXPECT_FALSE(failed.end["error"]["message"]["vi"].get<std::string>().empty());
    EXPECT_FALSE(failed.end["error"]["message"]["en"].get<std::string>().empty());
    ASSERT_TRUE(admin("admin.simulator.scannerFault", {{"fault", "none"}}).contains("result"));
    const auto next = scan(*client, {{"source", "adf"}});
    EXPECT_EQ(next.ending, "scan.completed") << next.end.dump();
  }
  EXPECT_EQ(admin("admin.simulator.scannerFault", {{"fault", "smoke"}})["error"]["data"]["reason"],
            "VALIDATION_FAILED");
}

TEST_F(ScanApi, CancelEndsTheJobAsCancelledAndOnlyTheOwnerMayCancel) {
  auto client = connect();
  auto other = connect();
  // A large feeder job at 600 dpi, cancelled at once: no page or a few arrive, then CANCELLED.
  const auto reply = *client->call("scan.start", {{"source", "adf"}, {"resolution", 600}});
  ASSERT_TRUE(reply.contains("result")) << reply.dump();
  const auto jobId = reply["result"]["jobId"].get<std::string>();
  EXPECT_EQ((*other->call("scan.cancel", {{"jobId", jobId}}))["result"]["cancelled"], false);
  const auto cancelled = *client->call("scan.cancel", {{"jobId", jobId}});
  ASSERT_TRUE(cancelled.contains("result")) << cancelled.dump();
  std::string ending;
  Json end;
  while (ending.empty()) {
    auto event = client->nextNotification(std::chrono::seconds(30));
    ASSERT_TRUE(event) << event.error().detail();
    const auto method = event->value("method", "");
    if (method == "scan.completed" || method == "scan.failed") {
      ending = method;
      end = (*event)["params"];
    }
  }
  if (cancelled["result"]["cancelled"] == true) {
    EXPECT_EQ(ending, "scan.failed");
    EXPECT_EQ(end["error"]["reason"], "CANCELLED");
  } else {
    EXPECT_EQ(ending, "scan.completed");  // it had finished before the cancel arrived
  }
  EXPECT_EQ(end["jobId"], jobId);
  EXPECT_FALSE(other->nextNotification(std::chrono::milliseconds(300)));
  // The scanner is free again.
  EXPECT_EQ(scan(*client, Json::object()).ending, "scan.completed");
}

TEST_F(ScanApi, EventsGoOnlyToTheScanningSession) {
  auto client = connect();
  auto other = connect();
  ASSERT_TRUE((*other->call("events.subscribe", {{"topics", {"scan.*"}}})).contains("result"));
  const auto job = scan(*client, {{"source", "adf"}});
  ASSERT_EQ(job.ending, "scan.completed");
  EXPECT_FALSE(other->nextNotification(std::chrono::milliseconds(500)));
}

TEST_F(ScanApi, ASecondJobOnTheSameScannerIsDeviceBusy) {
  auto client = connect();
  auto other = connect();
  ASSERT_TRUE(admin("admin.simulator.placeOnGlass", {{"card", "an-2021"}}).contains("result"));
  // The 600 dpi glass page of an A4 takes the encoder long enough for a second call to land.
  const auto first = *client->call("scan.start", {{"resolution", 600}, {"format", "png"}});
  ASSERT_TRUE(first.contains("result")) << first.dump();
  const auto second = *other->call("scan.start", Json::object());
  ASSERT_TRUE(second.contains("error")) << second.dump();
  EXPECT_EQ(second["error"]["data"]["reason"], "DEVICE_BUSY");
  EXPECT_EQ(second["error"]["code"], 1012) << second.dump();
}

TEST_F(ScanApi, ScanAuditRecordsSayWhatNotWhatWasScanned) {
  auto client = connect();
  ASSERT_EQ(scan(*client, {{"source", "adf"}, {"purpose", "document"}}).ending, "scan.completed");
  const auto audit = admin("audit.query", {{"method", "scan.start"}});
  ASSERT_TRUE(audit.contains("result")) << audit.dump();
  const auto& records = audit["result"]["records"];
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["subject"], std::string("scanner:") + kSimScanner);
  EXPECT_EQ(records[0]["outcome"], "OK");
  EXPECT_EQ(records[0]["actor"], kScanOrigin);
  EXPECT_NE(records[0]["detail"].get<std::string>().find("3 pages"), std::string::npos);
  EXPECT_NE(records[0]["detail"].get<std::string>().find("document"), std::string::npos);
}

}  // namespace
}  // namespace onestop::testing

namespace onestop::testing {

// The feeder's pages become one PDF of A4 pages; a page that is gone is BLOB_NOT_FOUND.
TEST_F(ScanApi, ScannedPagesBecomeOnePdfAtTheirPhysicalSize) {
  auto client = connect();
  const auto job = scan(*client, {{"source", "adf"}, {"resolution", 150}});
  ASSERT_EQ(job.ending, "scan.completed") << job.end.dump();
  Json pages = Json::array();
  for (const auto& page : job.pages) {
    pages.push_back({{"blob", page["blob"]}, {"resolution", page["resolution"]}});
  }
  const auto reply = *client->call("scan.pdf", {{"pages", pages}});
  ASSERT_TRUE(reply.contains("result")) << reply.dump();
  EXPECT_EQ(reply["result"]["pages"], job.pages.size());
  const auto pdf = httpGet(daemon.port(), "/v1/blobs/" + reply["result"]["blob"].get<std::string>(),
                           daemon.token());
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.contentType, "application/pdf");
  const std::string text(pdf.body.begin(), pdf.body.end());
  ASSERT_EQ(text.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(pdf.body.size(), reply["result"]["bytes"].get<std::size_t>());
  // One page object per scanned page ("/Type /Pages" is the tree, not a page).
  std::size_t pageObjects = 0;
  for (auto at = text.find("/Type /Page"); at != std::string::npos;
       at = text.find("/Type /Page", at + 1)) {
    if (text.compare(at, 12, "/Type /Pages") != 0) ++pageObjects;
  }
  EXPECT_EQ(pageObjects, job.pages.size());
  // A4 at 150 dpi: 1240 × 1754 px → 595.2 × 841.9 pt.
  EXPECT_NE(text.find("/MediaBox [ 0 0 595.2 841.92 ]"), std::string::npos)
      << text.substr(0, 2000).find("MediaBox");

  pages.push_back({{"blob", "0123456789abcdef0123456789abcdef"}, {"resolution", 150}});
  const auto missing = *client->call("scan.pdf", {{"pages", pages}});
  EXPECT_EQ(missing["error"]["data"]["reason"], "BLOB_NOT_FOUND") << missing.dump();
}

}  // namespace onestop::testing
