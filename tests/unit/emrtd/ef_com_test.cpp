#include "onestop/emrtd/ef_com.hpp"

#include <gtest/gtest.h>

#include "corruption.hpp"

namespace onestop::emrtd {
namespace {

Bytes efCom(std::string_view lds, std::string_view unicode, const Bytes& tags) {
  Bytes body = encodeTlv(0x5F01, Bytes(lds.begin(), lds.end()));
  append(body, encodeTlv(0x5F36, Bytes(unicode.begin(), unicode.end())));
  append(body, encodeTlv(0x5C, tags));
  return encodeTlv(0x60, body);
}

// The CCCD file (cccd.md §5): DG1, DG2, DG3, DG13, DG15, DG14.
const Bytes kCccd = efCom("0107", "040000", hexBytes("61 75 63 6D 6F 6E"));

void expectInvalid(const Result<EfCom>& parsed) {
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(parsed.error().detail().rfind("EF.COM: ", 0), 0u) << parsed.error().detail();
}

TEST(EfCom, ReadsVersionsAndDataGroupsOfACccd) {
  auto com = parseEfCom(kCccd);
  ASSERT_TRUE(com.ok()) << com.error().detail();
  EXPECT_EQ(com->ldsVersion, "0107");
  EXPECT_EQ(com->ldsMajor, 1);
  EXPECT_EQ(com->ldsMinor, 7);
  EXPECT_EQ(com->unicodeVersion, "040000");
  EXPECT_EQ(com->dataGroups, (std::vector<int>{1, 2, 3, 13, 15, 14}));
  EXPECT_TRUE(com->lists(13));
  EXPECT_FALSE(com->lists(11));
}

TEST(EfCom, KeepsUnknownTagsOutOfTheDataGroups) {
  auto com = parseEfCom(efCom("0108", "040000", hexBytes("61 42")));
  ASSERT_TRUE(com.ok()) << com.error().detail();
  EXPECT_EQ(com->tags, (std::vector<Tag>{0x61, 0x42}));
  EXPECT_EQ(com->dataGroups, (std::vector<int>{1}));
}

TEST(EfCom, AcceptsElementsInAnyOrderAndAnEmptyTagList) {
  Bytes body = encodeTlv(0x5C, Bytes{});
  append(body, encodeTlv(0x5F36, hexBytes("303430303030")));
  append(body, encodeTlv(0x5F01, hexBytes("30313037")));
  auto com = parseEfCom(encodeTlv(0x60, body));
  ASSERT_TRUE(com.ok()) << com.error().detail();
  EXPECT_TRUE(com->dataGroups.empty());
}

TEST(EfCom, RejectsMissingElements) {
  expectInvalid(parseEfCom(encodeTlv(0x60, Bytes{})));
  Bytes noList = encodeTlv(0x5F01, hexBytes("30313037"));
  append(noList, encodeTlv(0x5F36, hexBytes("303430303030")));
  expectInvalid(parseEfCom(encodeTlv(0x60, noList)));
}

TEST(EfCom, RejectsMalformedVersions) {
  expectInvalid(parseEfCom(efCom("107", "040000", Bytes{0x61})));
  expectInvalid(parseEfCom(efCom("01A7", "040000", Bytes{0x61})));
  expectInvalid(parseEfCom(efCom("0107", "0400000", Bytes{0x61})));
}

TEST(EfCom, RejectsARepeatedTag) {
  expectInvalid(parseEfCom(efCom("0107", "040000", hexBytes("61 75 61"))));
}

TEST(EfCom, RejectsAnotherFileAndTrailingBytes) {
  Bytes wrongTag = kCccd;
  wrongTag[0] = 0x61;
  expectInvalid(parseEfCom(wrongTag));
  Bytes trailing = kCccd;
  trailing.push_back(0x00);
  expectInvalid(parseEfCom(trailing));
}

TEST(EfCom, RejectsEveryTruncation) {
  for (std::size_t n = 0; n < kCccd.size(); ++n) {
    expectInvalid(parseEfCom(ByteView(kCccd.data(), n)));
  }
}

TEST(EfCom, SurvivesCorruptionOfEveryByte) {
  testing::expectEveryCorruptionHandled(kCccd, [](const Bytes& b) { return parseEfCom(b); });
}

}  // namespace
}  // namespace onestop::emrtd
