// scan.* and qr.* through the dispatcher, over a fake scanner whose pages are real PNM images:
// the DocumentScan workflow, the job registry, events to the calling session only, audit.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <thread>

#include "fakes.hpp"
#include "onestop/api/blob_store.hpp"
#include "onestop/api/dispatcher.hpp"
#include "onestop/api/scan_jobs.hpp"
#include "onestop/api/task_pool.hpp"
#include "onestop/store/audit_log.hpp"
#include "onestop/store/database.hpp"
#include "onestop/workflows/document_scan.hpp"

namespace onestop::api {
namespace {

using namespace std::chrono_literals;

// A gray PNM page of w × h, as the SANE plugin delivers pages.
plugins::ScanPage grayPage(std::uint32_t width, std::uint32_t height) {
  plugins::ScanPage page;
  page.mime = "image/x-portable-graymap";
  const std::string header =
      "P5\n" + std::to_string(width) + " " + std::to_string(height) + "\n255\n";
  page.data.assign(header.begin(), header.end());
  for (std::uint32_t i = 0; i < width * height; ++i) {
    page.data.push_back(static_cast<std::uint8_t>(i % 251));
  }
  page.widthPx = width;
  page.heightPx = height;
  page.resolutionDpi = 150;
  return page;
}

// What the fake scanner does on its next job.
struct Script {
  std::size_t pages = 1;
  std::optional<Reason> faultAfterPages;  // a fault once `pages` were delivered
  std::optional<Reason> startFault;
  bool blockAfterPages = false;  // wait for cancel() after the pages (a slow feeder)
};

class FakeFeed final : public workflows::PageFeed {
 public:
  FakeFeed(Script script, std::atomic<int>& live) : script_(script), live_(live) { ++live_; }
  ~FakeFeed() override { --live_; }
  Result<std::optional<plugins::ScanPage>> next() override {
    if (delivered_ < script_.pages) {
      ++delivered_;
      return std::optional<plugins::ScanPage>(grayPage(40, 30));
    }
    if (script_.blockAfterPages) {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return cancelled_; });
      return Error(Reason::Cancelled);
    }
    if (script_.faultAfterPages) return Error(*script_.faultAfterPages, "scripted fault");
    return std::optional<plugins::ScanPage>();
  }
  void cancel() override {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    wake_.notify_all();
  }

 private:
  Script script_;
  std::atomic<int>& live_;
  std::size_t delivered_ = 0;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool cancelled_ = false;
};

class FakeScanners final : public workflows::ScannerAccess {
 public:
  std::vector<plugins::DeviceSnapshot> list;
  Script script;
  std::atomic<int> liveJobs{0};

  std::vector<plugins::DeviceSnapshot> scanners() const override { return list; }
  Result<plugins::ScannerCapabilities> capabilities(const std::string&) override {
    plugins::ScannerCapabilities caps;
    caps.modes = {plugins::ScanMode::Color, plugins::ScanMode::Gray};
    caps.sources = {plugins::ScanSource::Flatbed, plugins::ScanSource::Adf};
    caps.resolutionsDpi = {150, 300};
    caps.maxWidthUm = 210000;
    caps.maxHeightUm = 297000;
    return caps;
  }
  Result<std::unique_ptr<workflows::PageFeed>> start(const std::string&,
                                                     const plugins::ScanOptions&) override {
    if (script.startFault) return Error(*script.startFault, "scripted start fault");
    return std::unique_ptr<workflows::PageFeed>(std::make_unique<FakeFeed>(script, liveJobs));
  }
};

plugins::DeviceSnapshot scanner(const std::string& local) {
  plugins::DeviceSnapshot d;
  d.id = "fake/" + local;
  d.pluginId = "fake";
  d.localId = local;
  d.kind = plugins::DeviceKind::Scanner;
  d.name = local;
  return d;
}

class ScanMethodsTest : public ::testing::Test {
 protected:
  ScanMethodsTest() {
    scanners.list = {scanner("scanner-0")};
    registerAllMethods(registry, ProductInfo{"1", {}}, catalog, nullptr, &services);
  }
  ~ScanMethodsTest() override { pool.stop(); }

  Json call(const std::shared_ptr<Session>& who, const std::string& method,
            const Json& params = Json::object()) {
    const auto text = Json{{"jsonrpc", "2.0"}, {"id", 1}, {"method", method}, {"params", params}};
    return Json::parse(*dispatcher.handle(text.dump(), *who));
  }

  static std::vector<Json> events(const testing::RecordingSink& to, const std::string& name) {
    std::vector<Json> out;
    for (const auto& frame : to.frames()) {
      auto json = Json::parse(frame);
      if (json.value("method", "") == name) out.push_back(json["params"]);
    }
    return out;
  }

  // The job's last event (scan.completed or scan.failed), waiting for it.
  static Json ending(const testing::RecordingSink& to, const std::string& jobId) {
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (std::chrono::steady_clock::now() < deadline) {
      for (const char* name : {"scan.completed", "scan.failed"}) {
        for (auto& e : events(to, name)) {
          if (e["jobId"] == jobId) return Json{{"event", name}, {"params", e}};
        }
      }
      std::this_thread::sleep_for(5ms);
    }
    return nullptr;
  }

  std::vector<store::AuditEntry> audit(const std::string& method) {
    store::AuditLog::Query query;
    query.method = method;
    return *auditLog.query(query);
  }

  testing::FakeCatalog catalog;
  FakeScanners scanners;
  workflows::ScannerClaims claims;
  ScanJobs jobs{2};
  BlobStore blobs{std::chrono::seconds(60)};
  store::AuditLog auditLog{*store::Database::openInMemory()};
  TaskPool pool{2, 8};
  ScanServices services{scanners,
                        claims,
                        jobs,
                        blobs,
                        auditLog,
                        nullptr,
                        [this](std::function<void()> task) { return pool.post(std::move(task)); },
                        4096};
  MethodRegistry registry;
  Dispatcher dispatcher{registry, Dispatcher::Limits{}};
  std::shared_ptr<testing::RecordingSink> sink = std::make_shared<testing::RecordingSink>();
  std::shared_ptr<Session> session = testing::makeSession(1, sink);
  std::shared_ptr<testing::RecordingSink> otherSink = std::make_shared<testing::RecordingSink>();
  std::shared_ptr<Session> other = testing::makeSession(2, otherSink);
};

TEST_F(ScanMethodsTest, CapabilitiesOfTheOnlyScanner) {
  const auto reply = call(session, "scan.capabilities");
  ASSERT_TRUE(reply.contains("result")) << reply.dump();
  EXPECT_EQ(reply["result"]["scanner"], "fake/scanner-0");
  EXPECT_EQ(reply["result"]["modes"], Json::array({"color", "gray"}));
  EXPECT_EQ(reply["result"]["maxArea"]["widthMm"], 210.0);
}

TEST_F(ScanMethodsTest, PagesArriveAsBlobsToTheCallerOnlyThenCompleted) {
  scanners.script.pages = 3;
  const auto reply = call(session, "scan.start", {{"source", "adf"}, {"mode", "gray"}});
  ASSERT_TRUE(reply.contains("result")) << reply.dump();
  const auto jobId = reply["result"]["jobId"].get<std::string>();
  const auto end = ending(*sink, jobId);
  ASSERT_EQ(end["event"], "scan.completed") << end.dump();
  EXPECT_EQ(end["params"]["pages"], 3);
  const auto pages = events(*sink, "scan.page");
  ASSERT_EQ(pages.size(), 3u);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    EXPECT_EQ(pages[i]["index"], i + 1);
    EXPECT_EQ(pages[i]["mime"], "image/png");  // gray: lossless
    EXPECT_EQ(pages[i]["width"], 40);
    EXPECT_EQ(pages[i]["height"], 30);
    EXPECT_EQ(pages[i]["thumbnail"]["mime"], "image/jpeg");
    auto blob = blobs.get(pages[i]["blob"].get<std::string>());
    ASSERT_TRUE(blob);
    EXPECT_EQ(blob->mime, "image/png");
    EXPECT_EQ(blob->bytes.size(), pages[i]["bytes"].get<std::size_t>());
  }
  EXPECT_TRUE(otherSink->frames().empty());
  EXPECT_EQ(scanners.liveJobs.load(), 0);
  const auto records = audit("scan.start");
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].subject, "scanner:fake/scanner-0");
  EXPECT_EQ(records[0].outcome, "OK");
  EXPECT_NE(records[0].detail.find("3 pages"), std::string::npos);
}

TEST_F(ScanMethodsTest, AFaultEndsTheJobTypedAndTheNextJobWorks) {
  scanners.script.pages = 2;
  scanners.script.faultAfterPages = Reason::ScannerJammed;
  const auto jobId = call(session, "scan.start")["result"]["jobId"].get<std::string>();
  const auto end = ending(*sink, jobId);
  ASSERT_EQ(end["event"], "scan.failed");
  EXPECT_EQ(end["params"]["pages"], 2);
  EXPECT_EQ(end["params"]["error"]["reason"], "SCANNER_JAMMED");
  EXPECT_FALSE(end["params"]["error"]["message"]["vi"].get<std::string>().empty());
  EXPECT_EQ(audit("scan.start").at(0).outcome, "SCANNER_JAMMED");

  scanners.script = Script{};
  scanners.script.startFault = Reason::CoverOpen;
  const auto second = call(session, "scan.start")["result"]["jobId"].get<std::string>();
  EXPECT_EQ(ending(*sink, second)["params"]["error"]["reason"], "COVER_OPEN");

  scanners.script = Script{};
  const auto third = call(session, "scan.start")["result"]["jobId"].get<std::string>();
  EXPECT_EQ(ending(*sink, third)["event"], "scan.completed");
  EXPECT_EQ(scanners.liveJobs.load(), 0);
}

TEST_F(ScanMethodsTest, OneJobPerScannerAndCancelOnlyByItsSession) {
  scanners.script.pages = 1;
  scanners.script.blockAfterPages = true;
  const auto jobId = call(session, "scan.start")["result"]["jobId"].get<std::string>();
  // The feeder has given its page and waits for more.
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (events(*sink, "scan.page").empty() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  const auto busy = call(other, "scan.start");
  EXPECT_EQ(busy["error"]["data"]["reason"], "DEVICE_BUSY") << busy.dump();

  EXPECT_EQ(call(other, "scan.cancel", {{"jobId", jobId}})["result"]["cancelled"], false);
  EXPECT_EQ(call(session, "scan.cancel", {{"jobId", jobId}})["result"]["cancelled"], true);
  const auto end = ending(*sink, jobId);
  ASSERT_EQ(end["event"], "scan.failed");
  EXPECT_EQ(end["params"]["error"]["reason"], "CANCELLED");
  EXPECT_EQ(end["params"]["pages"], 1);
  EXPECT_EQ(call(session, "scan.cancel", {{"jobId", jobId}})["result"]["cancelled"], false);
  EXPECT_EQ(scanners.liveJobs.load(), 0);
  scanners.script.blockAfterPages = false;
  const auto next = call(other, "scan.start")["result"]["jobId"].get<std::string>();
  EXPECT_EQ(ending(*otherSink, next)["event"], "scan.completed");
}

TEST_F(ScanMethodsTest, AClosingSessionCancelsItsJobs) {
  scanners.script.blockAfterPages = true;
  const auto jobId = call(session, "scan.start")["result"]["jobId"].get<std::string>();
  session->markClosed();
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (scanners.liveJobs.load() != 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_EQ(scanners.liveJobs.load(), 0);
  scanners.script.blockAfterPages = false;
  // The scanner is free again once the job has ended (its audit record written).
  Json next;
  do {
    next = call(other, "scan.start");
  } while (next.contains("error") && next["error"]["data"]["reason"] == "DEVICE_BUSY" &&
           std::chrono::steady_clock::now() < deadline);
  EXPECT_TRUE(next.contains("result")) << next.dump();
  EXPECT_TRUE(events(*sink, "scan.failed").empty());  // nothing is sent to a closed session
}

TEST_F(ScanMethodsTest, AtMostTwoJobsPerSession) {
  scanners.list = {scanner("a"), scanner("b"), scanner("c")};
  scanners.script.blockAfterPages = true;
  EXPECT_TRUE(call(session, "scan.start", {{"scanner", "fake/a"}}).contains("result"));
  EXPECT_TRUE(call(session, "scan.start", {{"scanner", "fake/b"}}).contains("result"));
  EXPECT_EQ(call(session, "scan.start", {{"scanner", "fake/c"}})["error"]["data"]["reason"],
            "TOO_MANY_REQUESTS");
  EXPECT_TRUE(call(other, "scan.start", {{"scanner", "fake/c"}}).contains("result"));
  session->markClosed();
  other->markClosed();
}

TEST_F(ScanMethodsTest, SeveralScannersWithoutOneNamedListsThem) {
  scanners.list = {scanner("a"), scanner("b")};
  const auto reply = call(session, "scan.start");
  EXPECT_EQ(reply["error"]["data"]["reason"], "VALIDATION_FAILED");
  EXPECT_EQ(reply["error"]["data"]["details"]["scanners"], Json::array({"fake/a", "fake/b"}));
  EXPECT_EQ(call(session, "scan.start", {{"scanner", "fake/x"}})["error"]["data"]["reason"],
            "DEVICE_NOT_FOUND");
}

TEST_F(ScanMethodsTest, OptionsTheScannerLacksAreRefused) {
  EXPECT_EQ(call(session, "scan.start", {{"resolution", 600}})["error"]["data"]["reason"],
            "VALIDATION_FAILED");
  EXPECT_EQ(call(session, "scan.start", {{"mode", "lineart"}})["error"]["data"]["reason"],
            "VALIDATION_FAILED");
  EXPECT_EQ(
      call(session, "scan.start",
           {{"area", {{"left", 200}, {"top", 0}, {"width", 20}, {"height", 10}}}})["error"]["data"]
                                                                                  ["reason"],
      "VALIDATION_FAILED");
}

TEST_F(ScanMethodsTest, QrParseOfAForeignTextSaysWhatItWasNotTheContent) {
  const auto reply = call(session, "qr.parse", {{"text", "https://example.com/secret-token"}});
  EXPECT_EQ(reply["error"]["data"]["reason"], "QR_NOT_CCCD") << reply.dump();
  const auto found = reply["error"]["data"]["details"]["found"].get<std::string>();
  EXPECT_FALSE(found.empty());
  EXPECT_EQ(found.find("secret-token"), std::string::npos);
}

TEST_F(ScanMethodsTest, QrParseOfACardTextGivesTypedFieldsAndAnAuditRecordWithoutThem) {
  const std::string text =
      "001095012345|123456789|Nguyễn Văn An|15061995|Nam|Số 1 Tràng Tiền, Hà Nội|01022021";
  const auto reply = call(session, "qr.parse", {{"text", text}});
  ASSERT_TRUE(reply.contains("result")) << reply.dump();
  const auto& card = reply["result"]["card"];
  EXPECT_EQ(reply["result"]["kind"], "cccdCard");
  EXPECT_EQ(card["generation"], "2021");
  EXPECT_EQ(card["idNumber"], "001095012345");
  EXPECT_EQ(card["dateOfBirth"], "1995-06-15");
  EXPECT_EQ(card["sex"], "M");
  EXPECT_EQ(card["dateOfIssue"], "2021-02-01");
  const auto records = audit("qr.parse");
  ASSERT_EQ(records.size(), 1u);
  for (const auto& value : {"001095012345", "Nguyễn", "1995", "Tràng"}) {
    EXPECT_EQ(records[0].detail.find(value), std::string::npos);
    EXPECT_EQ(records[0].subject.find(value), std::string::npos);
  }
}

TEST_F(ScanMethodsTest, QrDecodeInputsAreCheckedBeforeDecoding) {
  EXPECT_EQ(call(session, "qr.decode", {{"image", "not base64!"}})["error"]["data"]["reason"],
            "IMAGE_INVALID");
  EXPECT_EQ(call(session, "qr.decode", {{"image", "AAAA"}})["error"]["data"]["reason"],
            "IMAGE_INVALID");
  EXPECT_EQ(
      call(session, "qr.decode", {{"image", std::string(8192, 'A')}})["error"]["data"]["reason"],
      "IMAGE_INVALID");
  EXPECT_EQ(call(session, "qr.decode", {{"blob", "0123"}})["error"]["data"]["reason"],
            "BLOB_NOT_FOUND");
  EXPECT_EQ(call(session, "qr.decode")["error"]["data"]["reason"], "VALIDATION_FAILED");
  EXPECT_EQ(
      call(session, "qr.decode", {{"blob", "x"}, {"image", "AAAA"}})["error"]["data"]["reason"],
      "VALIDATION_FAILED");
}

TEST_F(ScanMethodsTest, QrDecodeOfABlankPageIsQrNotFound) {
  auto png = blobs.put("image/x-portable-graymap", grayPage(64, 64).data);
  ASSERT_TRUE(png);
  EXPECT_EQ(call(session, "qr.decode", {{"blob", *png}})["error"]["data"]["reason"],
            "QR_NOT_FOUND");
}

}  // namespace
}  // namespace onestop::api
