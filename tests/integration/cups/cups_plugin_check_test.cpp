// onestop-plugin-check --print on the staged cups plugin against the private cupsd.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cups_fixture.hpp"
#include "cups_test_support.hpp"
#include "pcsc_process.hpp"

namespace onestop::cups::testing {
namespace {

using namespace std::chrono_literals;

TEST(CupsPluginCheck, ThePluginConformsAndItsTestPagePrints) {
  onestop::testing::CupsFixture fixture;
  const auto log = fixture.stateDir() / "plugin-check.log";

  // The checker inherits CUPS_SERVER, which the fixture set.
  const int rc = onestop::testing::runProcess(
      {ONESTOP_PLUGIN_CHECK, "--print", cupsPluginDir().string()}, log);

  std::ifstream in(log);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string output = buffer.str();
  EXPECT_EQ(rc, 0) << output << fixture.logTail();
  EXPECT_NE(output.find("CONFORMS"), std::string::npos) << output;
  EXPECT_NE(output.find("PASS  printer " + fixture.queue() + ": submit a one-page PDF"),
            std::string::npos)
      << output;
  EXPECT_TRUE(fixture.waitForPdf(60s).has_value()) << fixture.logTail();
}

}  // namespace
}  // namespace onestop::cups::testing
