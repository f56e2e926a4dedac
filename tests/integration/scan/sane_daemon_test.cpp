// The real SANE plugin inside a real onestopd: the scan API over the SANE `test` backend under a
// private SANE_CONFIG_DIR (the daemon inherits it), with a fault injected through the plugin's
// vendor options in the daemon config.
#include <unistd.h>

#include <fstream>

#include "sane_fixture.hpp"
#include "scan_test_support.hpp"

namespace onestop::testing {
namespace {

constexpr const char* kJammedScanner = "sane/test:1";
constexpr const char* kScanner = "sane/test:0";

// The scan test config with the sane plugin enabled and test:1 set to jam on every read.
fs::path writeSaneConfig(const fs::path& dir) {
  std::ifstream in(kScanConfig);
  auto config = Json::parse(in);
  config["plugins"]["disabled"] = Json::array();
  config["plugins"]["settings"]["sane"] = {
      {"devices", {{"test:1", {{"options", {{"read-return-value", "SANE_STATUS_JAMMED"}}}}}}}};
  const auto file = dir / "onestopd-sane.json";
  std::ofstream(file) << config.dump(2);
  return file;
}

class SaneDaemon : public ::testing::Test {
 protected:
  ~SaneDaemon() override {
    std::error_code ignored;
    fs::remove_all(dir, ignored);
  }

  static fs::path tempDir() {
    auto dir = fs::temp_directory_path() / ("onestop-sane-daemon-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
  }

  std::unique_ptr<ctl::RpcClient> connect() {
    ctl::RpcClient::Options options;
    options.port = daemon.port();
    options.timeout = std::chrono::seconds(60);
    options.origin = kScanOrigin;
    auto client = ctl::RpcClient::connect(options);
    if (!client) throw std::runtime_error(client.error().detail());
    return std::move(client).value();
  }

  SaneFixture sane;  // before the daemon: it inherits SANE_CONFIG_DIR
  fs::path dir = tempDir();
  DaemonProcess daemon{{}, writeSaneConfig(dir).string()};
};

TEST_F(SaneDaemon, ListsTheTestScannersWithTheirCapabilities) {
  auto client = connect();
  const auto listed = *client->call("devices.list", {{"kind", "scanner"}});
  std::vector<std::string> ids;
  for (const auto& device : listed["result"]["devices"]) ids.push_back(device["id"]);
  EXPECT_NE(std::find(ids.begin(), ids.end(), kScanner), ids.end()) << listed.dump();
  EXPECT_NE(std::find(ids.begin(), ids.end(), kJammedScanner), ids.end()) << listed.dump();

  const auto caps = *client->call("scan.capabilities", {{"scanner", kScanner}});
  ASSERT_TRUE(caps.contains("result")) << caps.dump();
  EXPECT_EQ(caps["result"]["sources"], Json::array({"flatbed", "adf"}));
  EXPECT_GE(caps["result"]["maxArea"]["heightMm"].get<double>(), 297.0);
}

TEST_F(SaneDaemon, FeederScanDeliversTenA4PagesAsBlobs) {
  auto client = connect();
  const auto job = ScanApi::scan(
      *client, {{"scanner", kScanner},
                {"source", "adf"},
                {"mode", "gray"},
                {"resolution", 75},
                {"area", {{"left", 0}, {"top", 0}, {"width", 210}, {"height", 297}}}});
  ASSERT_EQ(job.ending, "scan.completed") << job.end.dump();
  ASSERT_EQ(job.pages.size(), 10U);
  EXPECT_EQ(job.end["pages"], 10);
  // 210 × 297 mm at 75 dpi is 620 × 877 px.
  const auto blob = httpGet(daemon.port(), "/v1/blobs/" + job.pages[9]["blob"].get<std::string>(),
                            daemon.token());
  ASSERT_EQ(blob.status, 200);
  EXPECT_EQ(blob.contentType, "image/png");
  const auto size = imageSize(blob.body);
  ASSERT_TRUE(size.has_value());
  EXPECT_NEAR(size->first, 620, 2);
  EXPECT_NEAR(size->second, 877, 2);
}

TEST_F(SaneDaemon, AJammedScannerFailsTypedAndTheOtherStillScans) {
  auto client = connect();
  const auto jammed = ScanApi::scan(*client, {{"scanner", kJammedScanner}, {"resolution", 75}});
  ASSERT_EQ(jammed.ending, "scan.failed");
  EXPECT_EQ(jammed.end["error"]["reason"], "SCANNER_JAMMED") << jammed.end.dump();
  const auto next = ScanApi::scan(*client, {{"scanner", kScanner}, {"resolution", 75}});
  EXPECT_EQ(next.ending, "scan.completed") << next.end.dump();
  EXPECT_EQ(next.pages.size(), 1U);
}

}  // namespace
}  // namespace onestop::testing
