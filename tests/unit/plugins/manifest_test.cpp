#include "onestop/plugins/manifest.hpp"

#include <gtest/gtest.h>

#include <ostream>

#include <fstream>

#include "plugin_test_support.hpp"

namespace onestop::plugins {
namespace {

constexpr const char* kValid = R"({
  "id": "acme-reader", "version": "2.1.0", "vendor": "ACME", "kinds": ["reader", "printer"],
  "abi": "1.3", "library": "libacme.so", "config": {"port": 3}, "signature": "ignored"})";

TEST(Manifest, ParsesEveryField) {
  auto m = parseManifest(kValid);

  ASSERT_TRUE(m.ok()) << m.error().detail();
  EXPECT_EQ(m->id, "acme-reader");
  EXPECT_EQ(m->version, "2.1.0");
  EXPECT_EQ(m->vendor, "ACME");
  EXPECT_EQ(m->kinds, (std::vector<DeviceKind>{DeviceKind::Reader, DeviceKind::Printer}));
  EXPECT_EQ(m->abiMajor, 1);
  EXPECT_EQ(m->abiMinor, 3);
  EXPECT_EQ(m->library, "libacme.so");
  EXPECT_EQ(m->config, R"({"port":3})");
}

TEST(Manifest, DefaultsConfigToEmptyObject) {
  auto m = parseManifest(
      R"({"id":"a","version":"1","vendor":"v","kinds":["scanner"],"abi":"1.0","library":"l.so"})");

  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->config, "{}");
}

struct BadManifestCase {
  const char* name;
  const char* json;
  const char* detailMentions;
  friend void PrintTo(const BadManifestCase& c, std::ostream* os) { *os << c.name; }
};

class ManifestRejects : public ::testing::TestWithParam<BadManifestCase> {};

TEST_P(ManifestRejects, WithValidationFailedNamingTheProblem) {
  auto m = parseManifest(GetParam().json);

  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().reason(), Reason::ValidationFailed);
  EXPECT_NE(m.error().detail().find(GetParam().detailMentions), std::string::npos)
      << m.error().detail();
}

#define ONESTOP_BASE R"("version":"1","vendor":"v","library":"l.so")"
INSTANTIATE_TEST_SUITE_P(
    Cases, ManifestRejects,
    ::testing::Values(
        BadManifestCase{"NotJson", "{ nope", "not valid JSON"},
        BadManifestCase{"NotObject", "[1,2]", "not a JSON object"},
        BadManifestCase{"MissingId", R"({"kinds":["reader"],"abi":"1.0",)" ONESTOP_BASE "}",
                        "\"id\""},
        BadManifestCase{"UpperCaseId",
                        R"({"id":"Acme","kinds":["reader"],"abi":"1.0",)" ONESTOP_BASE "}",
                        "\"id\""},
        BadManifestCase{"IdWithSlash",
                        R"({"id":"a/b","kinds":["reader"],"abi":"1.0",)" ONESTOP_BASE "}",
                        "\"id\""},
        BadManifestCase{"UnknownKind",
                        R"({"id":"a","kinds":["camera"],"abi":"1.0",)" ONESTOP_BASE "}", "camera"},
        BadManifestCase{"EmptyKinds", R"({"id":"a","kinds":[],"abi":"1.0",)" ONESTOP_BASE "}",
                        "\"kinds\""},
        BadManifestCase{"RepeatedKind",
                        R"({"id":"a","kinds":["reader","reader"],"abi":"1.0",)" ONESTOP_BASE "}",
                        "twice"},
        BadManifestCase{"AbiNotDotted",
                        R"({"id":"a","kinds":["reader"],"abi":"1",)" ONESTOP_BASE "}", "\"abi\""},
        BadManifestCase{"AbiNotNumeric",
                        R"({"id":"a","kinds":["reader"],"abi":"1.x",)" ONESTOP_BASE "}", "\"abi\""},
        BadManifestCase{"LibraryWithPath",
                        R"({"id":"a","kinds":["reader"],"abi":"1.0","version":"1","vendor":"v",
                            "library":"../evil.so"})",
                        "\"library\""},
        BadManifestCase{"VersionNotString",
                        R"({"id":"a","kinds":["reader"],"abi":"1.0","version":1,"vendor":"v",
                            "library":"l.so"})",
                        "\"version\""},
        BadManifestCase{"ConfigNotObject",
                        R"({"id":"a","kinds":["reader"],"abi":"1.0","config":[],)" ONESTOP_BASE "}",
                        "\"config\""}),
    [](const auto& testInfo) { return std::string(testInfo.param.name); });
#undef ONESTOP_BASE

TEST(Manifest, KeepsAnotherAbiMajorForTheLoaderToRefuse) {
  auto m = parseManifest(
      R"({"id":"a","version":"1","vendor":"v","kinds":["reader"],"abi":"2.0","library":"l.so"})");

  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->abiMajor, 2);
}

TEST(Manifest, ReadsManifestJsonFromAFolder) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "manifest.json") << kValid;

  auto m = readManifest(dir.path());

  ASSERT_TRUE(m.ok()) << m.error().detail();
  EXPECT_EQ(m->id, "acme-reader");
}

TEST(Manifest, ReportsAMissingFile) {
  testing::TempDir dir;

  auto m = readManifest(dir.path());

  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().reason(), Reason::ValidationFailed);
}

TEST(PluginId, AcceptsLowerCaseDigitsAndDashes) {
  EXPECT_TRUE(isValidPluginId("simulator"));
  EXPECT_TRUE(isValidPluginId("acme-2"));
  EXPECT_FALSE(isValidPluginId(""));
  EXPECT_FALSE(isValidPluginId("-lead"));
  EXPECT_FALSE(isValidPluginId("a_b"));
  EXPECT_FALSE(isValidPluginId(std::string(65, 'a')));
}

}  // namespace
}  // namespace onestop::plugins
