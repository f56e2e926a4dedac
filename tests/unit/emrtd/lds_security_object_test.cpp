#include "onestop/emrtd/lds_security_object.hpp"

#include <gtest/gtest.h>

#include "onestop/emrtd/digest.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd {
namespace {

constexpr char kSha256[] = "2.16.840.1.101.3.4.2.1";

TEST(LdsSecurityObject, RoundTripsHashesAndAlgorithm) {
  const std::map<int, Bytes> hashes{{1, sha256(hexBytes("01"))}, {13, sha256(hexBytes("0D"))}};
  const Bytes der = encodeLdsSecurityObject(kSha256, hashes);
  auto parsed = parseLdsSecurityObject(der);
  ASSERT_TRUE(parsed.ok()) << parsed.error().detail();
  EXPECT_EQ(parsed->version, 0);
  EXPECT_EQ(parsed->hashAlgorithmOid, kSha256);
  EXPECT_EQ(parsed->hashAlgorithm, "SHA256");
  EXPECT_EQ(parsed->dataGroupHashes, hashes);
}

TEST(LdsSecurityObject, KnowsSha1AndSha512) {
  auto sha1Object =
      parseLdsSecurityObject(encodeLdsSecurityObject("1.3.14.3.2.26", {{1, Bytes(20, 1)}}));
  ASSERT_TRUE(sha1Object.ok()) << sha1Object.error().detail();
  EXPECT_EQ(sha1Object->hashAlgorithm, "SHA1");
  auto sha512Object = parseLdsSecurityObject(
      encodeLdsSecurityObject("2.16.840.1.101.3.4.2.3", {{1, Bytes(64, 1)}}));
  ASSERT_TRUE(sha512Object.ok());
  EXPECT_EQ(sha512Object->hashAlgorithm, "SHA512");
}

TEST(LdsSecurityObject, KeepsAnUnknownAlgorithmOidWithoutAName) {
  auto parsed = parseLdsSecurityObject(encodeLdsSecurityObject("1.2.3.4", {{1, Bytes(5, 1)}}));
  ASSERT_TRUE(parsed.ok()) << parsed.error().detail();
  EXPECT_EQ(parsed->hashAlgorithmOid, "1.2.3.4");
  EXPECT_TRUE(parsed->hashAlgorithm.empty());
}

TEST(LdsSecurityObject, RejectsHashOfTheWrongLength) {
  auto parsed = parseLdsSecurityObject(encodeLdsSecurityObject(kSha256, {{1, Bytes(20, 1)}}));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed);
}

TEST(LdsSecurityObject, RejectsDataGroupNumbersOutsideTheLds) {
  EXPECT_FALSE(parseLdsSecurityObject(encodeLdsSecurityObject(kSha256, {{0, Bytes(32, 1)}})).ok());
  EXPECT_FALSE(parseLdsSecurityObject(encodeLdsSecurityObject(kSha256, {{17, Bytes(32, 1)}})).ok());
}

TEST(LdsSecurityObject, RejectsARepeatedDataGroup) {
  // Two entries for DG1, built by hand (a map cannot hold them).
  Bytes entry = encodeTlv(0x02, Bytes{1});
  append(entry, encodeTlv(0x04, Bytes(32, 0)));
  const Bytes one = encodeTlv(0x30, entry);
  Bytes list = one;
  append(list, one);
  Bytes body = encodeTlv(0x02, Bytes{0});
  append(body, hexBytes("300B0609608648016503040201"));
  append(body, encodeTlv(0x30, list));
  auto parsed = parseLdsSecurityObject(encodeTlv(0x30, body));
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().detail().find("twice"), std::string::npos);
}

TEST(LdsSecurityObject, RejectsMalformedStructures) {
  EXPECT_FALSE(parseLdsSecurityObject({}).ok());
  EXPECT_FALSE(parseLdsSecurityObject(hexBytes("3000")).ok());
  EXPECT_FALSE(parseLdsSecurityObject(hexBytes("3003020105")).ok());
  const Bytes good = encodeLdsSecurityObject(kSha256, {{1, Bytes(32, 1)}});
  for (std::size_t n = 0; n < good.size(); ++n) {
    EXPECT_FALSE(parseLdsSecurityObject(ByteView(good.data(), n)).ok()) << n;
  }
  Bytes trailing = good;
  trailing.push_back(0x00);
  EXPECT_FALSE(parseLdsSecurityObject(trailing).ok());
}

}  // namespace
}  // namespace onestop::emrtd
