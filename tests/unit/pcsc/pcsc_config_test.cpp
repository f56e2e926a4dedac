#include "pcsc_config.hpp"

#include <gtest/gtest.h>

#include "onestop/plugin.hpp"

namespace onestop::pcsc {
namespace {

TEST(PcscConfig, AcceptsEveryReaderWithoutAFilter) {
  const auto config = parsePcscConfig("{}");

  EXPECT_TRUE(config.accepts("Virtual PCD 00 00"));
}

TEST(PcscConfig, AcceptsOnlyReadersContainingTheFilter) {
  const auto config = parsePcscConfig(R"({"readerFilter":"ACS"})");

  EXPECT_TRUE(config.accepts("ACS ACR1252 1S CL Reader 00 00"));
  EXPECT_FALSE(config.accepts("Virtual PCD 00 00"));
}

TEST(PcscConfig, RefusesMalformedConfig) {
  EXPECT_THROW((void)parsePcscConfig("[]"), sdk::StatusError);
  EXPECT_THROW((void)parsePcscConfig("{"), sdk::StatusError);
  EXPECT_THROW((void)parsePcscConfig(R"({"readerFilter":3})"), sdk::StatusError);
}

}  // namespace
}  // namespace onestop::pcsc
