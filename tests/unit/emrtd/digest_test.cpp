#include "onestop/emrtd/digest.hpp"

#include <gtest/gtest.h>

namespace onestop::emrtd {
namespace {

const Bytes kAbc{'a', 'b', 'c'};

TEST(Digest, ComputesShaFamilyByOpenSslName) {
  EXPECT_EQ(toHex(sha1(kAbc)), "A9993E364706816ABA3E25717850C26C9CD0D89D");
  EXPECT_EQ(toHex(sha256(kAbc)),
            "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");
  auto sha384 = digest("SHA384", kAbc);
  ASSERT_TRUE(sha384.ok());
  EXPECT_EQ(sha384->size(), 48U);
}

TEST(Digest, UnknownAlgorithmIsNotSupported) {
  auto d = digest("NOT-A-HASH", kAbc);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().reason(), Reason::NotSupported);
}

}  // namespace
}  // namespace onestop::emrtd
