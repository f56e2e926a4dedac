#include "onestop/plugins/device_id.hpp"

#include <gtest/gtest.h>

namespace onestop::plugins {
namespace {

TEST(DeviceId, JoinsPluginAndLocalIdWithASlash) {
  EXPECT_EQ(makeDeviceId("simulator", "reader-0"), "simulator/reader-0");
}

TEST(DeviceId, SplitsAtTheFirstSlashSoLocalIdsMayHoldSlashes) {
  const auto address = parseDeviceId("pcsc/ACS ACR122U 00/01");

  ASSERT_TRUE(address.has_value());
  EXPECT_EQ(address->pluginId, "pcsc");
  EXPECT_EQ(address->localId, "ACS ACR122U 00/01");
}

TEST(DeviceId, RejectsIdsWithoutBothParts) {
  EXPECT_FALSE(parseDeviceId("simulator").has_value());
  EXPECT_FALSE(parseDeviceId("/reader-0").has_value());
  EXPECT_FALSE(parseDeviceId("simulator/").has_value());
}

}  // namespace
}  // namespace onestop::plugins
