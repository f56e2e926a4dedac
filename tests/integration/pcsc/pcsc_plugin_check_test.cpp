// onestop-plugin-check on the staged pcsc plugin while the private pcscd has the vicc card in.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "pcsc_fixture.hpp"
#include "pcsc_process.hpp"
#include "pcsc_test_support.hpp"

namespace onestop::pcsc {
namespace {

TEST(PcscPluginCheck, ThePluginConformsWithACardInTheReader) {
  if (const auto why = onestop::testing::PcscFixture::unavailableReason()) GTEST_SKIP() << *why;
  onestop::testing::PcscFixture fixture(true);
  const auto log = fixture.stateDir() / "plugin-check.log";

  // The checker inherits PCSCLITE_CSOCK_NAME, which the fixture set.
  const int rc =
      onestop::testing::runProcess({ONESTOP_PLUGIN_CHECK, testing::pcscPluginDir().string()}, log);

  std::ifstream in(log);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string output = buffer.str();
  EXPECT_EQ(rc, 0) << output << fixture.logTail();
  EXPECT_NE(output.find("CONFORMS"), std::string::npos) << output;
  EXPECT_EQ(output.find("SKIP  reader Virtual PCD 00 00"), std::string::npos) << output;
}

}  // namespace
}  // namespace onestop::pcsc
