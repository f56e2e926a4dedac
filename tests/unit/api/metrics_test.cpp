#include "onestop/api/metrics.hpp"

#include <gtest/gtest.h>

namespace onestop::api {
namespace {

TEST(Metrics, RendersCallCountersHistogramsAndCollectedGauges) {
  Metrics metrics;
  metrics.recordCall("devices.list", "ok", std::chrono::microseconds(700));
  metrics.recordCall("devices.list", "ok", std::chrono::microseconds(3000));
  metrics.recordHandshakeRefused("ORIGIN_FORBIDDEN");
  metrics.addCollector([] { return std::map<std::string, double>{{"onestop_sessions", 3}}; });
  const auto text = metrics.render();
  EXPECT_NE(text.find("onestop_rpc_calls_total{method=\"devices.list\",outcome=\"ok\"} 2"),
            std::string::npos);
  EXPECT_NE(
      text.find("onestop_rpc_duration_seconds_bucket{method=\"devices.list\",le=\"0.001\"} 1"),
      std::string::npos);
  EXPECT_NE(text.find("onestop_rpc_duration_seconds_count{method=\"devices.list\"} 2"),
            std::string::npos);
  EXPECT_NE(text.find("onestop_handshakes_refused_total{reason=\"ORIGIN_FORBIDDEN\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("onestop_sessions 3"), std::string::npos);
}

}  // namespace
}  // namespace onestop::api
