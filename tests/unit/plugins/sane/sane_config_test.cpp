// The plugin config, network device names and the vendor-option store.
#include <gtest/gtest.h>

#include "onestop/plugin.hpp"
#include "sane_config.hpp"
#include "sane_vendor_options.hpp"

namespace onestop::sane {
namespace {

onestop_status statusOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const sdk::StatusError& e) {
    return e.status();
  }
  return ONESTOP_OK;
}

TEST(SaneConfig, DefaultsToLocalDevicesAndNoOptions) {
  const auto c = parseSaneConfig("{}");
  EXPECT_FALSE(c.allowNetworkBackends);
  EXPECT_TRUE(c.deviceOptions.empty());
}

TEST(SaneConfig, ReadsDeviceOptions) {
  const auto c = parseSaneConfig(
      R"({"allowNetworkBackends":true,"devices":{"test:0":{"options":{"test-picture":"Grid"}}}})");
  EXPECT_TRUE(c.allowNetworkBackends);
  ASSERT_EQ(c.deviceOptions.count("test:0"), 1u);
  EXPECT_EQ(c.deviceOptions.at("test:0")["test-picture"], "Grid");
}

TEST(SaneConfig, RefusesMalformedSections) {
  for (const char* text : {"[]", "not json", R"({"allowNetworkBackends":"yes"})",
                           R"({"devices":[]})", R"({"devices":{"test:0":{"options":[1]}}})"}) {
    EXPECT_EQ(statusOf([&] { (void)parseSaneConfig(text); }), ONESTOP_E_INVALID_ARGUMENT) << text;
  }
}

TEST(SaneConfig, NetworkBackendsAreRecognisedByTheirPrefix) {
  EXPECT_TRUE(isNetworkDevice("net:192.168.1.5:test:0"));
  EXPECT_TRUE(isNetworkDevice("escl:https://10.0.0.2:443"));
  EXPECT_TRUE(isNetworkDevice("airscan:e0:Canon"));
  EXPECT_FALSE(isNetworkDevice("test:0"));
  EXPECT_FALSE(isNetworkDevice("epson2:libusb:001:004"));
}

TEST(SaneVendorOptions, SetMergesAndClearForgets) {
  VendorOptions v;
  v.set("test:0", {{"read-delay", true}, {"test-picture", "Grid"}});
  v.set("test:0", {{"test-picture", "Solid white"}});
  v.set("test:1", {{"read-limit-size", 64}});

  EXPECT_EQ(v.all()["test:0"]["test-picture"], "Solid white");
  EXPECT_EQ(v.all()["test:0"]["read-delay"], true);
  v.clear("test:0", {"read-delay"});
  EXPECT_FALSE(v.all()["test:0"].contains("read-delay"));
  v.clear("test:0", {});
  EXPECT_FALSE(v.all().contains("test:0"));
  EXPECT_TRUE(v.all().contains("test:1"));
}

TEST(SaneVendorOptions, RefusesValuesThatAreNotScalars) {
  VendorOptions v;
  EXPECT_EQ(statusOf([&] { v.set("test:0", nlohmann::json::array()); }),
            ONESTOP_E_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf([&] { v.set("test:0", {{"gamma", {1, 2, 3}}}); }), ONESTOP_E_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf([&] { v.set("", {{"mode", "Gray"}}); }), ONESTOP_E_INVALID_ARGUMENT);
  EXPECT_TRUE(v.all().empty());
}

}  // namespace
}  // namespace onestop::sane
