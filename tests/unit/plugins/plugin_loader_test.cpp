// Loading and refusing plugins, through PluginHost, with the fixture plugins of
// tests/data/plugins (see its README for what each case is).
#include <gtest/gtest.h>

#include <ostream>

#include "onestop/plugins/plugin_host.hpp"
#include "plugin_test_support.hpp"

namespace onestop::plugins {
namespace {

using testing::findReport;
using testing::fixtureDir;
using testing::optionsFor;

struct RefusalCase {
  const char* folder;
  const char* reportId;
  const char* reason;
  friend void PrintTo(const RefusalCase& c, std::ostream* os) { *os << c.folder; }
};

class PluginLoaderRefuses : public ::testing::TestWithParam<RefusalCase> {};

TEST_P(PluginLoaderRefuses, TheBadFixtureWithItsReasonAndLoadsNothing) {
  testing::LogCapture log;
  PluginHost host(optionsFor({fixtureDir(GetParam().folder)}, log.function()));

  const auto reports = host.plugins();

  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].id, GetParam().reportId);
  EXPECT_EQ(reports[0].state, PluginReport::State::Failed);
  EXPECT_EQ(reports[0].reason, GetParam().reason) << reports[0].detail;
  EXPECT_FALSE(reports[0].detail.empty());
  EXPECT_TRUE(host.devices().empty());
  EXPECT_TRUE(log.contains(GetParam().reason));
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, PluginLoaderRefuses,
    ::testing::Values(RefusalCase{"bad-manifest", "bad-manifest", "BAD_MANIFEST"},
                      RefusalCase{"load-fails", "load-fails", "LOAD_FAILED"},
                      RefusalCase{"missing-entry", "missing-entry", "MISSING_SYMBOL"},
                      RefusalCase{"wrong-abi-major", "wrong-abi-major", "ABI_MISMATCH"},
                      RefusalCase{"manifest-abi-major", "manifest-abi-major", "ABI_MISMATCH"},
                      RefusalCase{"entry-throws", "entry-throws", "ENTRY_FAILED"},
                      RefusalCase{"entry-null", "entry-null", "ENTRY_FAILED"},
                      RefusalCase{"init-fails", "init-fails", "INIT_FAILED"},
                      RefusalCase{"id-mismatch", "id-mismatch", "ID_MISMATCH"}),
    [](const auto& testInfo) {
      std::string name = testInfo.param.folder;
      std::erase(name, '-');
      return name;
    });

TEST(PluginLoader, LoadsTheGoodFixtureAndShowsItsReader) {
  PluginHost host(optionsFor({fixtureDir("good")}));

  const auto reports = host.plugins();
  const auto devices = host.devices();

  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].state, PluginReport::State::Loaded);
  EXPECT_EQ(reports[0].reason, "");
  EXPECT_EQ(reports[0].version, "1.0.0");
  EXPECT_EQ(reports[0].abi, "1.1");
  EXPECT_EQ(reports[0].kinds, std::vector<std::string>{"reader"});
  ASSERT_EQ(devices.size(), 1u);
  EXPECT_EQ(devices[0].id, "good/r0");
  EXPECT_EQ(devices[0].pluginId, "good");
  EXPECT_EQ(devices[0].localId, "r0");
  EXPECT_EQ(devices[0].kind, DeviceKind::Reader);
  EXPECT_EQ(devices[0].name, "Fixture reader r0");
  EXPECT_TRUE(devices[0].cardPresent);
}

TEST(PluginLoader, KeepsGoingPastEveryRefusalInOneFolder) {
  PluginHost host(optionsFor({testing::fixtureRoot()}));

  const auto reports = host.plugins();

  const auto* good = findReport(reports, "good");
  ASSERT_NE(good, nullptr);
  EXPECT_EQ(good->state, PluginReport::State::Loaded);
  ASSERT_NE(findReport(reports, "init-fails"), nullptr);
  EXPECT_EQ(findReport(reports, "init-fails")->reason, "INIT_FAILED");
  ASSERT_NE(findReport(reports, "old-minor"), nullptr);
  EXPECT_EQ(findReport(reports, "old-minor")->state, PluginReport::State::Loaded);
  EXPECT_TRUE(host.device("good/r0").has_value());
  EXPECT_TRUE(host.device("old-minor/legacy-0").has_value());
}

TEST(PluginLoader, LoadsTheFirstOfTwoFoldersWithTheSameIdAndRefusesTheSecond) {
  PluginHost host(optionsFor({fixtureDir("duplicate-a"), fixtureDir("duplicate-b")}));

  const auto reports = host.plugins();

  ASSERT_EQ(reports.size(), 2u);
  EXPECT_EQ(reports[0].state, PluginReport::State::Loaded);
  EXPECT_NE(reports[0].path.find("duplicate-a"), std::string::npos);
  EXPECT_EQ(reports[1].state, PluginReport::State::Failed);
  EXPECT_EQ(reports[1].reason, "DUPLICATE_ID");
  EXPECT_NE(reports[1].path.find("duplicate-b"), std::string::npos);
  EXPECT_EQ(host.devices().size(), 1u);
}

TEST(PluginLoader, LoadsATableFromAnOlderMinorReadingOnlyItsStructSize) {
  PluginHost host(optionsFor({fixtureDir("old-minor")}));

  const auto reports = host.plugins();
  auto reader = host.reader("old-minor/legacy-0");

  ASSERT_EQ(reports.size(), 1u);
  EXPECT_EQ(reports[0].state, PluginReport::State::Loaded) << reports[0].detail;
  ASSERT_TRUE(reader.ok());
  auto features = (*reader)->features();  // NULL in that table: the defaults
  ASSERT_TRUE(features.ok());
  EXPECT_EQ(features->maxCommandApdu, 261u);
  EXPECT_FALSE(features->extendedLength);
  EXPECT_EQ(host.control("old-minor", "{}").error().reason(), Reason::NotSupported);
}

TEST(PluginLoader, ReportsDisabledPluginsWithoutLoadingThem) {
  auto options = optionsFor({fixtureDir("good"), fixtureDir("old-minor")});
  options.disabled = {"good"};

  PluginHost host(options);
  const auto reports = host.plugins();

  ASSERT_NE(findReport(reports, "good"), nullptr);
  EXPECT_EQ(findReport(reports, "good")->reason, "DISABLED");
  EXPECT_EQ(findReport(reports, "old-minor")->state, PluginReport::State::Loaded);
  EXPECT_FALSE(host.device("good/r0").has_value());
}

TEST(PluginLoader, LoadsOnlyTheEnabledPluginsWhenAListIsGiven) {
  auto options = optionsFor({fixtureDir("good"), fixtureDir("old-minor")});
  options.enabled = {"old-minor"};

  PluginHost host(options);
  const auto reports = host.plugins();

  EXPECT_EQ(findReport(reports, "good")->reason, "DISABLED");
  EXPECT_EQ(findReport(reports, "old-minor")->state, PluginReport::State::Loaded);
}

TEST(PluginLoader, RefusesAPluginWhoseDaemonConfigIsNotAnObject) {
  auto options = optionsFor({fixtureDir("good")});
  options.config["good"] = "[1, 2]";

  PluginHost host(options);

  EXPECT_EQ(host.plugins().at(0).reason, "INIT_FAILED");
}

TEST(PluginLoader, PassesThePluginsLogLinesOnWithItsId) {
  testing::LogCapture log;

  PluginHost host(optionsFor({fixtureDir("good")}, log.function()));

  EXPECT_TRUE(log.contains("[good] fixture plugin good initialised"));
}

}  // namespace
}  // namespace onestop::plugins
