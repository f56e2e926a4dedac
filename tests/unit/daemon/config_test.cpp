#include "onestop/daemon/config.hpp"

#include <gtest/gtest.h>

namespace onestop::daemon {
namespace {

using api::Json;

Result<Config> load(const std::string& file, std::map<std::string, std::string> env = {}) {
  auto merged = mergeConfigLayers(file, "test.json", env);
  if (!merged) return merged.error();
  return parseConfig(*merged);
}

TEST(Config, EmbeddedDefaultIsValidAndLoopbackOnly) {
  const auto config = load("");
  ASSERT_TRUE(config) << config.error().detail();
  EXPECT_EQ(config->server.bind, (std::vector<std::string>{"127.0.0.1", "::1"}));
  EXPECT_EQ(config->server.port, 47100);
  EXPECT_TRUE(config->security.allowedOrigins.empty());
}

TEST(Config, FileOverridesDefaultsKeyByKey) {
  const auto config = load(R"({"server":{"port":5000},"security":{"allowedOrigins":[
      "https://a.example", {"origin":"https://b.example","families":["system"]}]}})");
  ASSERT_TRUE(config) << config.error().detail();
  EXPECT_EQ(config->server.port, 5000);
  EXPECT_EQ(config->server.maxConnections, 32u);  // untouched default
  ASSERT_EQ(config->security.allowedOrigins.size(), 2u);
  EXPECT_EQ(config->security.allowedOrigins[0].families, std::vector<std::string>{"*"});
  EXPECT_EQ(config->security.allowedOrigins[1].families, std::vector<std::string>{"system"});
}

TEST(Config, EnvironmentBeatsFile) {
  const auto config = load(R"({"server":{"port":5000}})", {{"ONESTOP_PORT", "6000"},
                                                           {"ONESTOP_BIND", "127.0.0.1"},
                                                           {"ONESTOP_PLUGIN_DIRS", "/a:/b"},
                                                           {"ONESTOP_LOG_FORMAT", "json"}});
  ASSERT_TRUE(config) << config.error().detail();
  EXPECT_EQ(config->server.port, 6000);
  EXPECT_EQ(config->server.bind, std::vector<std::string>{"127.0.0.1"});
  EXPECT_EQ(config->plugins.dirs.size(), 2u);
  EXPECT_EQ(config->logging.format, "json");
}

TEST(Config, ErrorsNameTheKeyAndWhy) {
  struct Bad {
    const char* file;
    const char* mentions;
  };
  for (const auto& bad :
       {Bad{R"({"server":{"port":70000}})", "port"}, Bad{R"({"server":{"prot":1}})", "prot"},
        Bad{R"({"server":{"port":"80"}})", "port"},
        Bad{R"({"security":{"allowedOrigins":["https://a.example/path"]}})", "allowedOrigins"},
        Bad{R"({"logging":{"format":"xml"}})", "format"},
        Bad{R"({"server":{"bind":[]}})", "bind"}}) {
    const auto config = load(bad.file);
    ASSERT_FALSE(config) << bad.file;
    EXPECT_NE(config.error().detail().find(bad.mentions), std::string::npos)
        << bad.file << " → " << config.error().detail();
  }
}

TEST(Config, MalformedJsonAndBadEnvironmentAreErrors) {
  EXPECT_FALSE(load("{not json"));
  EXPECT_FALSE(load("[1,2]"));
  const auto env = load("", {{"ONESTOP_PORT", "eighty"}});
  ASSERT_FALSE(env);
  EXPECT_NE(env.error().detail().find("ONESTOP_PORT"), std::string::npos);
}

TEST(Config, DefaultPathsAreRelativeToTheExecutable) {
  auto config = load("");
  ASSERT_TRUE(config);
  resolveDefaultPaths(*config, "/opt/onestop/bin/");
  ASSERT_EQ(config->plugins.dirs.size(), 1u);
  EXPECT_EQ(config->plugins.dirs[0], "/opt/onestop/lib/onestop/plugins");
  EXPECT_EQ(config->webRoot, "/opt/onestop/share/onestop/web");
  EXPECT_FALSE(config->runtimeDir.empty());
}

TEST(Config, PrintedConfigParsesBackToTheSameConfig) {
  const auto config = load(R"({"server":{"port":5001}})");
  ASSERT_TRUE(config);
  const auto again = parseConfig(config->toJson());
  ASSERT_TRUE(again) << again.error().detail();
  EXPECT_EQ(again->toJson(), config->toJson());
}

}  // namespace
}  // namespace onestop::daemon
