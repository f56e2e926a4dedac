#include "onestop/emrtd/card_access.hpp"

#include <gtest/gtest.h>

#include "security_info_builder.hpp"

namespace onestop::emrtd {
namespace {

using testing::derInteger;
using testing::derOid;
using testing::derSequence;
using testing::derSet;

Bytes pace(std::string_view oid, std::uint8_t parameterId) {
  return derSequence({derOid(oid), derInteger(2), derInteger(parameterId)});
}

TEST(CardAccess, OffersPaceOnACccd) {
  auto infos = parseCardAccess(testing::cccdCardAccess());
  ASSERT_TRUE(infos.ok()) << infos.error().detail();
  EXPECT_TRUE(offersPace(*infos));
  const auto preferred = preferredPaceInfo(*infos);
  ASSERT_TRUE(preferred.has_value());
  EXPECT_EQ(preferred->oid, "0.4.0.127.0.7.2.2.4.2.2");
  EXPECT_EQ(preferred->parameterId, 13);
}

TEST(CardAccess, OffersNoPaceWithoutAPaceInfo) {
  auto infos =
      parseCardAccess(derSet({derSequence({derOid("0.4.0.127.0.7.2.2.2"), derInteger(1)})}));
  ASSERT_TRUE(infos.ok()) << infos.error().detail();
  EXPECT_FALSE(offersPace(*infos));
  EXPECT_FALSE(preferredPaceInfo(*infos).has_value());
}

TEST(CardAccess, PrefersAesThenGenericMappingThenEcdh) {
  auto infos = parseCardAccess(derSet({
      pace("0.4.0.127.0.7.2.2.4.2.1", 13),  // ECDH GM 3DES
      pace("0.4.0.127.0.7.2.2.4.1.2", 2),   // DH GM AES-128
      pace("0.4.0.127.0.7.2.2.4.4.2", 13),  // ECDH IM AES-128
      pace("0.4.0.127.0.7.2.2.4.2.2", 13),  // ECDH GM AES-128
      pace("0.4.0.127.0.7.2.2.4.2.4", 12),  // ECDH GM AES-256, later in the file
  }));
  ASSERT_TRUE(infos.ok()) << infos.error().detail();
  EXPECT_EQ(preferredPaceInfo(*infos)->oid, "0.4.0.127.0.7.2.2.4.2.2");
  auto noGm = parseCardAccess(
      derSet({pace("0.4.0.127.0.7.2.2.4.2.1", 13), pace("0.4.0.127.0.7.2.2.4.4.2", 13)}));
  ASSERT_TRUE(noGm.ok());
  EXPECT_EQ(preferredPaceInfo(*noGm)->mapping, PaceMapping::Integrated);
  auto dhOnly = parseCardAccess(
      derSet({pace("0.4.0.127.0.7.2.2.4.1.1", 0), pace("0.4.0.127.0.7.2.2.4.1.2", 2)}));
  ASSERT_TRUE(dhOnly.ok());
  EXPECT_EQ(preferredPaceInfo(*dhOnly)->cipher, CipherAlgorithm::Aes128);
}

TEST(CardAccess, PrefersStandardizedDomainParameters) {
  auto infos = parseCardAccess(
      derSet({pace("0.4.0.127.0.7.2.2.4.2.2", 31), pace("0.4.0.127.0.7.2.2.4.2.2", 13)}));
  ASSERT_TRUE(infos.ok());
  EXPECT_EQ(preferredPaceInfo(*infos)->parameterId, 13);
}

TEST(CardAccess, RejectsMalformedFilesNamingEfCardAccess) {
  const Bytes full = testing::cccdCardAccess();
  for (std::size_t n = 0; n < full.size(); ++n) {
    auto parsed = parseCardAccess(ByteView(full.data(), n));
    ASSERT_FALSE(parsed.ok()) << n;
    EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed);
    EXPECT_EQ(parsed.error().detail().rfind("EF.CardAccess: ", 0), 0u);
  }
  EXPECT_FALSE(parseCardAccess(hexBytes("3000")).ok());
}

}  // namespace
}  // namespace onestop::emrtd
