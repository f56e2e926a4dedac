#include "onestop/api/error_catalog.hpp"

#include <gtest/gtest.h>

#include <set>

namespace onestop::api {
namespace {

TEST(ErrorCatalog, EveryReasonHasAUniqueCodeInTheApplicationRange) {
  std::set<int> codes;
  for (const auto reason : kAllReasons) {
    const auto& info = reasonInfo(reason);
    EXPECT_GE(info.code, 1000);
    EXPECT_LT(info.code, 1100);
    EXPECT_TRUE(codes.insert(info.code).second) << reasonName(reason);
  }
}

TEST(ErrorCatalog, EveryReasonHasVietnameseAndEnglishMessages) {
  for (const auto reason : kAllReasons) {
    const auto& info = reasonInfo(reason);
    EXPECT_FALSE(info.vi.empty()) << reasonName(reason);
    EXPECT_FALSE(info.en.empty()) << reasonName(reason);
    EXPECT_NE(info.vi, info.en) << reasonName(reason);
  }
}

TEST(ErrorCatalog, ReasonNamesRoundTrip) {
  for (const auto reason : kAllReasons) {
    EXPECT_EQ(reasonFromName(reasonName(reason)), reason);
  }
  EXPECT_FALSE(reasonFromName("NOT_A_REASON").has_value());
}

TEST(ErrorCatalog, ApplicationErrorShape) {
  const auto error = applicationError(Error(Reason::NoCard, "reader empty"));
  EXPECT_EQ(error["code"], reasonInfo(Reason::NoCard).code);
  EXPECT_EQ(error["data"]["reason"], "NO_CARD");
  EXPECT_EQ(error["data"]["retriable"], true);
  EXPECT_EQ(error["data"]["details"]["detail"], "reader empty");
}

}  // namespace
}  // namespace onestop::api
