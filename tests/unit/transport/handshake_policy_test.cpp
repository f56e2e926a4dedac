#include "onestop/transport/handshake_policy.hpp"

#include <gtest/gtest.h>

namespace onestop::transport {
namespace {

struct Case {
  const char* name;
  const char* host;
  std::optional<std::string> origin;
  std::optional<std::string> authorization;
  bool allowed;
  int status;
  const char* reason;
};

class HandshakePolicyTable : public ::testing::TestWithParam<Case> {};

HandshakePolicy makePolicy() {
  HandshakePolicy policy(
      {{"https://motcua.example.gov.vn", {"*"}}, {"https://baocao.example.gov.vn", {"system"}}}, {},
      "s3cret-token");
  policy.setPort(47100);
  return policy;
}

TEST_P(HandshakePolicyTable, Decides) {
  const auto& c = GetParam();
  const auto decision = makePolicy().evaluate({c.host, c.origin, c.authorization});
  EXPECT_EQ(decision.allowed, c.allowed) << c.name;
  EXPECT_EQ(decision.httpStatus, c.status) << c.name;
  EXPECT_EQ(decision.reason, c.reason) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Matrix, HandshakePolicyTable,
    ::testing::Values(
        Case{"allowed origin",
             "127.0.0.1:47100",
             "https://motcua.example.gov.vn",
             {},
             true,
             101,
             ""},
        Case{"console origin", "localhost:47100", "http://localhost:47100", {}, true, 101, ""},
        Case{"console origin v6", "[::1]:47100", "http://[::1]:47100", {}, true, 101, ""},
        Case{"foreign origin",
             "127.0.0.1:47100",
             "https://evil.example",
             {},
             false,
             403,
             "ORIGIN_FORBIDDEN"},
        Case{"origin differs by scheme",
             "127.0.0.1:47100",
             "http://motcua.example.gov.vn",
             {},
             false,
             403,
             "ORIGIN_FORBIDDEN"},
        Case{"origin differs by port",
             "127.0.0.1:47100",
             "https://motcua.example.gov.vn:8443",
             {},
             false,
             403,
             "ORIGIN_FORBIDDEN"},
        Case{"origin with suffix",
             "127.0.0.1:47100",
             "https://motcua.example.gov.vn.evil.example",
             {},
             false,
             403,
             "ORIGIN_FORBIDDEN"},
        Case{"null origin", "127.0.0.1:47100", "null", {}, false, 403, "ORIGIN_FORBIDDEN"},
        Case{"null origin with token", "127.0.0.1:47100", "null", "Bearer s3cret-token", false, 403,
             "ORIGIN_FORBIDDEN"},
        Case{"console origin other port",
             "127.0.0.1:47100",
             "http://127.0.0.1:8080",
             {},
             false,
             403,
             "ORIGIN_FORBIDDEN"},
        Case{"rebinding host",
             "evil.example:47100",
             "https://motcua.example.gov.vn",
             {},
             false,
             403,
             "HOST_FORBIDDEN"},
        Case{"host without port",
             "127.0.0.1",
             "https://motcua.example.gov.vn",
             {},
             false,
             403,
             "HOST_FORBIDDEN"},
        Case{"host wrong port",
             "127.0.0.1:8080",
             "https://motcua.example.gov.vn",
             {},
             false,
             403,
             "HOST_FORBIDDEN"},
        Case{"no origin no token", "127.0.0.1:47100", {}, {}, false, 401, "TOKEN_REQUIRED"},
        Case{"no origin wrong token",
             "127.0.0.1:47100",
             {},
             "Bearer wrong-token!",
             false,
             401,
             "TOKEN_INVALID"},
        Case{"no origin token prefix only",
             "127.0.0.1:47100",
             {},
             "Bearer s3cret",
             false,
             401,
             "TOKEN_INVALID"},
        Case{"no origin basic auth",
             "127.0.0.1:47100",
             {},
             "Basic s3cret-token",
             false,
             401,
             "TOKEN_INVALID"},
        Case{"no origin good token", "127.0.0.1:47100", {}, "Bearer s3cret-token", true, 101, ""}),
    [](const ::testing::TestParamInfo<Case>& param) {
      std::string name = param.param.name;
      for (auto& ch : name) {
        if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
      }
      return name;
    });

TEST(HandshakePolicy, OriginCarriesItsFamilies) {
  const auto decision =
      makePolicy().evaluate({"127.0.0.1:47100", "https://baocao.example.gov.vn", {}});
  ASSERT_TRUE(decision.allowed);
  EXPECT_EQ(decision.families, std::vector<std::string>{"system"});
  EXPECT_EQ(decision.origin, "https://baocao.example.gov.vn");
}

TEST(HandshakePolicy, HostMatchIsCaseInsensitive) {
  EXPECT_TRUE(makePolicy().isAllowedHost("LOCALHOST:47100"));
}

TEST(HandshakePolicy, ExtraHostsOnlyWhenConfigured) {
  HandshakePolicy policy({}, {"counter-17.lan"}, "t");
  policy.setPort(47100);
  EXPECT_TRUE(policy.isAllowedHost("counter-17.lan:47100"));
  EXPECT_FALSE(makePolicy().isAllowedHost("counter-17.lan:47100"));
}

}  // namespace
}  // namespace onestop::transport
