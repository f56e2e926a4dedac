// Shared by the sane plugin's integration tests: the real staged plugin loaded by PluginHost under
// a private SANE config (SaneFixture, test backend only), scan helpers and a PNM header reader.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "host_log_capture.hpp"
#include "onestop/plugins/plugin_host.hpp"
#include "sane_fixture.hpp"

namespace onestop::sane::testing {

inline std::filesystem::path sanePluginDir() {
  return std::filesystem::path(ONESTOP_PLUGIN_STAGE_DIR) / "sane";
}

inline const std::string kScanner0 = "sane/test:0";
inline const std::string kScanner1 = "sane/test:1";
constexpr std::uint32_t kA4WidthUm = 210000;
constexpr std::uint32_t kA4HeightUm = 297000;

// The pixels `um` micrometres make at `dpi`.
inline double pixelsFor(std::uint32_t um, std::uint32_t dpi) {
  return um / 25400.0 * dpi;
}

// What a PNM page's header says, and whether the data after it has exactly that size.
struct PnmInfo {
  std::string magic;  // P4, P5, P6
  std::uint32_t width = 0, height = 0, maxval = 0;
  std::size_t headerBytes = 0;
  bool sizeMatches = false;
};

inline std::optional<PnmInfo> readPnm(const std::vector<std::uint8_t>& data) {
  PnmInfo info;
  std::size_t pos = 0;
  // Header fields are separated by white space and may have '#' comments (to the line's end)
  // between them.
  auto token = [&]() -> std::string {
    while (pos < data.size() && (std::isspace(data[pos]) != 0 || data[pos] == '#')) {
      if (data[pos] == '#') {
        while (pos < data.size() && data[pos] != '\n') ++pos;
      } else {
        ++pos;
      }
    }
    std::string t;
    while (pos < data.size() && std::isspace(data[pos]) == 0) {
      t.push_back(static_cast<char>(data[pos++]));
    }
    return t;
  };
  info.magic = token();
  if (info.magic != "P4" && info.magic != "P5" && info.magic != "P6") return std::nullopt;
  info.width = static_cast<std::uint32_t>(std::stoul(token()));
  info.height = static_cast<std::uint32_t>(std::stoul(token()));
  info.maxval = info.magic == "P4" ? 1 : static_cast<std::uint32_t>(std::stoul(token()));
  info.headerBytes = pos + 1;  // one whitespace byte ends the header
  const std::size_t sample = info.maxval > 255 ? 2 : 1;
  const std::size_t line = info.magic == "P4"   ? (info.width + 7) / 8
                           : info.magic == "P5" ? info.width * sample
                                                : info.width * 3 * sample;
  info.sizeMatches = data.size() == info.headerBytes + line * info.height;
  return info;
}

// The host's log lines, for assertions.
using Logs = onestop::testing::HostLogCapture;

class SanePluginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (const auto why = onestop::testing::SaneFixture::unavailableReason()) GTEST_SKIP() << *why;
    fixture_ = std::make_unique<onestop::testing::SaneFixture>();
    plugins::PluginHostOptions options;
    options.directories = {sanePluginDir()};
    options.log = logs_.function();
    host_ = std::make_unique<plugins::PluginHost>(options);
  }

  void TearDown() override {
    host_.reset();  // before the fixture removes the config folder
    fixture_.reset();
  }

  std::shared_ptr<plugins::Scanner> scanner(const std::string& id = kScanner0) {
    auto s = host_->scanner(id);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().detail()) << logs_.all();
    return s.ok() ? *s : nullptr;
  }

  // Runs a whole job: every page, or the first error.
  Result<std::vector<plugins::ScanPage>> scanAll(const plugins::ScanOptions& options,
                                                 const std::string& id = kScanner0) {
    auto s = scanner(id);
    if (!s) return Error(Reason::DeviceNotFound, id);
    auto job = s->start(options);
    if (!job.ok()) return job.error();
    std::vector<plugins::ScanPage> pages;
    while (true) {
      auto page = (*job)->next();
      if (!page.ok()) return page.error();
      if (!page->has_value()) return pages;
      pages.push_back(std::move(**page));
    }
  }

  Result<std::string> control(const nlohmann::json& request) {
    return host_->control("sane", request.dump());
  }
  void setOptions(const nlohmann::json& options, const std::string& device = "test:0") {
    auto r = control({{"command", "setOptions"}, {"device", device}, {"options", options}});
    ASSERT_TRUE(r.ok()) << r.error().detail();
  }
  void clearOptions(const std::string& device = "test:0") {
    auto r = control({{"command", "clearOptions"}, {"device", device}});
    ASSERT_TRUE(r.ok()) << r.error().detail();
  }

  // A small, quick flatbed job: proof that the device works again after a fault.
  void expectSmallScanWorks(const std::string& id = kScanner0) {
    plugins::ScanOptions o;
    o.mode = plugins::ScanMode::Gray;
    o.resolutionDpi = 75;
    o.widthUm = 50000;
    o.heightUm = 50000;
    auto pages = scanAll(o, id);
    ASSERT_TRUE(pages.ok()) << pages.error().detail() << logs_.all();
    ASSERT_EQ(pages->size(), 1u);
    const auto pnm = readPnm(pages->front().data);
    ASSERT_TRUE(pnm.has_value());
    EXPECT_TRUE(pnm->sizeMatches);
  }

  Logs logs_;
  std::unique_ptr<onestop::testing::SaneFixture> fixture_;
  std::unique_ptr<plugins::PluginHost> host_;
};

}  // namespace onestop::sane::testing
