#include "onestop/emrtd/random_source.hpp"

#include <gtest/gtest.h>

namespace onestop::emrtd {
namespace {

TEST(RandomSource, OpenSslReturnsFreshBytesOfTheRequestedLength) {
  OpenSslRandomSource rng;
  auto a = rng.generate(16);
  auto b = rng.generate(16);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->size(), 16U);
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(rng.generate(0)->empty());
}

TEST(RandomSource, FixedHandsOutBytesInOrder) {
  FixedRandomSource rng(hexBytes("0102030405"));
  EXPECT_EQ(toHex(*rng.generate(2)), "0102");
  EXPECT_EQ(toHex(*rng.generate(3)), "030405");
  EXPECT_EQ(rng.remaining(), 0U);
}

TEST(RandomSource, FixedRefusesToRunDry) {
  FixedRandomSource rng(hexBytes("01"));
  auto r = rng.generate(2);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::Internal);
  EXPECT_EQ(rng.remaining(), 1U);
}

}  // namespace
}  // namespace onestop::emrtd
