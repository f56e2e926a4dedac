#include "onestop/emrtd/object_identifier.hpp"

#include <gtest/gtest.h>

namespace onestop::emrtd {
namespace {

TEST(ObjectIdentifier, DecodesPaceAndIcaoOids) {
  auto pace = oidToDotted(hexBytes("04007F00070202040202"));
  ASSERT_TRUE(pace.ok()) << pace.error().detail();
  EXPECT_EQ(*pace, "0.4.0.127.0.7.2.2.4.2.2");
  auto aa = oidToDotted(hexBytes("678108010105"));
  ASSERT_TRUE(aa.ok());
  EXPECT_EQ(*aa, "2.23.136.1.1.5");
}

TEST(ObjectIdentifier, EncodesWhatItDecodes) {
  auto content = oidContent("0.4.0.127.0.7.2.2.3.2.2");
  ASSERT_TRUE(content.ok()) << content.error().detail();
  EXPECT_EQ(toHex(*content), "04007F00070202030202");
  EXPECT_EQ(oidToDotted(*content).value(), "0.4.0.127.0.7.2.2.3.2.2");
}

TEST(ObjectIdentifier, RejectsMalformedContent) {
  EXPECT_FALSE(oidToDotted({}).ok());
  EXPECT_FALSE(oidToDotted(hexBytes("2B06 81")).ok());  // last sub-identifier unfinished
  EXPECT_FALSE(oidToDotted(hexBytes("2B 8001")).ok());  // non-minimal sub-identifier
  auto bad = oidToDotted(hexBytes("81"));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().reason(), Reason::ValidationFailed);
  EXPECT_NE(bad.error().detail().find("OBJECT IDENTIFIER"), std::string::npos);
}

TEST(ObjectIdentifier, RejectsMalformedText) {
  EXPECT_FALSE(oidContent("").ok());
  EXPECT_FALSE(oidContent("sha256").ok());
  EXPECT_FALSE(oidContent("1..2").ok());
  EXPECT_FALSE(oidContent("1.2.").ok());
  EXPECT_FALSE(oidContent("7").ok());
}

}  // namespace
}  // namespace onestop::emrtd
