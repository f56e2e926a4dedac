#include "onestop/emrtd/standard_domain_parameters.hpp"

#include <gtest/gtest.h>

namespace onestop::emrtd {
namespace {

TEST(StandardDomainParameters, NamesTheCurvesOfPace) {
  EXPECT_STREQ(standardDomainParameters(13)->name, "brainpoolP256r1");
  EXPECT_STREQ(standardDomainParameters(12)->name, "prime256v1");
  EXPECT_STREQ(standardDomainParameters(18)->name, "secp521r1");
  EXPECT_EQ(standardDomainParameters(16)->bits, 384);
  EXPECT_TRUE(standardDomainParameters(8)->ellipticCurve);
}

TEST(StandardDomainParameters, NamesTheModpGroups) {
  EXPECT_FALSE(standardDomainParameters(0)->ellipticCurve);
  EXPECT_STREQ(standardDomainParameters(2)->name, "dh_2048_256");
}

TEST(StandardDomainParameters, KnowsNothingOfReservedIds) {
  EXPECT_FALSE(standardDomainParameters(3).has_value());
  EXPECT_FALSE(standardDomainParameters(19).has_value());
  EXPECT_FALSE(standardDomainParameters(-1).has_value());
}

}  // namespace
}  // namespace onestop::emrtd
