#include "onestop/emrtd/lds_reader.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "apdu_replay.hpp"
#include "fake_file_card.hpp"
#include "onestop/emrtd/bac.hpp"
#include "onestop/emrtd/plain_channel.hpp"
#include "onestop/emrtd/secure_channel.hpp"
#include "sm_chip.hpp"

namespace onestop::emrtd {
namespace {

using testing::FakeCard;

Bytes makeFile(Tag tag, std::size_t valueSize) {
  Bytes value(valueSize);
  for (std::size_t i = 0; i < valueSize; ++i) value[i] = static_cast<std::uint8_t>(i * 7 + 3);
  return encodeTlv(tag, value);
}

std::size_t ceilDiv(std::size_t a, std::size_t b) {
  return (a + b - 1) / b;
}

TEST(LdsReader, ReadsAppendixDEfComThroughBacAndSecureMessaging) {
  testing::ApduScript script =
      testing::loadApduScript("apdu/icao-9303-appendix-d/bac-read-ef-com.apdu").value();
  FixedRandomSource random(script.random);
  testing::ReplayTransport card(std::move(script));
  auto session = performBac(card, random, "L898902C<369080619406236");
  ASSERT_TRUE(session.ok()) << session.error().detail();
  SecureChannel channel(card, std::move(session).value());

  LdsReadOptions icaoExample;
  icaoExample.headerProbe = 4;  // the worked example reads 4 header bytes
  LdsReader reader(channel, icaoExample);
  auto com = reader.readFile(lds::kCom);
  ASSERT_TRUE(com.ok()) << com.error().detail();
  EXPECT_EQ(toHex(*com), "60145F0104303130365F36063034303030305C026175");
  EXPECT_EQ(reader.apduCount(), 3U);
  EXPECT_TRUE(card.verify());
}

struct SecureReadCase {
  CipherAlgorithm algorithm;
  std::size_t maxApduSize;
  bool extendedLength;
  std::size_t valueSize;
};

class LdsReaderUnderSecureMessaging : public ::testing::TestWithParam<SecureReadCase> {};

TEST_P(LdsReaderUnderSecureMessaging, ReadsALargeFileInTheLargestProtectedChunks) {
  const SecureReadCase& param = GetParam();
  const std::size_t keySize = keyLength(param.algorithm);
  const Bytes kEnc(keySize, 0x11);
  const Bytes kMac(keySize, 0x22);
  const Bytes ssc(blockSize(param.algorithm), 0x00);
  testing::FakeCard files;
  const Bytes dg2 = makeFile(0x75, param.valueSize);
  files.files[0x0102] = dg2;
  testing::SmChip chip(files, param.algorithm, kEnc, kMac, ssc, param.maxApduSize,
                       param.extendedLength);
  SecureChannel channel(chip, SecureMessaging::create(param.algorithm, kEnc, kMac, ssc).value());
  const std::size_t chunk = channel.maxResponseData();

  LdsReader reader(channel);
  auto data = reader.readFile(*lds::dataGroup(2));

  ASSERT_TRUE(data.ok()) << data.error().detail();
  EXPECT_EQ(*data, dg2);
  const std::size_t perRead = dg2.size() > 0x8000 ? chunk - 4 : chunk;  // DO'53' above 7FFF
  EXPECT_LE(files.reads(), ceilDiv(dg2.size(), perRead) + 1);
  EXPECT_LE(chip.largestResponse(), param.extendedLength ? param.maxApduSize - 2 : 256U);
}

INSTANTIATE_TEST_SUITE_P(
    ShortAndExtended, LdsReaderUnderSecureMessaging,
    ::testing::Values(SecureReadCase{CipherAlgorithm::Des3, 261, false, 20000},
                      SecureReadCase{CipherAlgorithm::Aes128, 261, false, 40000},
                      SecureReadCase{CipherAlgorithm::Aes128, 65546, true, 20000},
                      SecureReadCase{CipherAlgorithm::Des3, 1026, true, 40000},
                      SecureReadCase{CipherAlgorithm::Aes256, 65546, true, 70000}),
    [](const ::testing::TestParamInfo<SecureReadCase>& testInfo) {
      const char* cipher = testInfo.param.algorithm == CipherAlgorithm::Des3     ? "Des3"
                           : testInfo.param.algorithm == CipherAlgorithm::Aes128 ? "Aes128"
                                                                                 : "Aes256";
      return std::string(cipher) + (testInfo.param.extendedLength ? "Extended" : "Short") +
             std::to_string(testInfo.param.valueSize);
    });

TEST(LdsReader, SelectsTheEmrtdApplication) {
  testing::ReplayTransport card(
      testing::parseApduScript("> 00A4040C07A0000002471001\n< 9000\n").value());
  PlainChannel plain(card);
  EXPECT_TRUE(LdsReader::selectApplication(plain).ok());
  EXPECT_TRUE(card.verify());
}

TEST(LdsReader, ReportsAMissingApplication) {
  testing::ReplayTransport card(
      testing::parseApduScript("> 00A4040C07A0000002471001\n< 6A82\n").value());
  PlainChannel plain(card);
  auto r = LdsReader::selectApplication(plain);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::NotSupported);
}

TEST(LdsReader, ReadsALargeFileInTheLargestChunks) {
  FakeCard card;
  const Bytes dg2 = makeFile(0x75, 20000);
  card.files[0x0102] = dg2;
  LdsReader reader(card);
  auto data = reader.readFile(*lds::dataGroup(2));
  ASSERT_TRUE(data.ok()) << data.error().detail();
  EXPECT_EQ(*data, dg2);
  EXPECT_EQ(card.reads(), 1 + ceilDiv(dg2.size() - 6, 231));
  EXPECT_LE(card.reads(), ceilDiv(dg2.size(), 231) + 1);
  EXPECT_EQ(reader.apduCount(), card.reads() + 1);  // + SELECT
  for (std::size_t i = 2; i < card.sent.size(); ++i) EXPECT_LE(card.sent[i].ne, 231U);
}

TEST(LdsReader, ReportsProgressUpToTheTotal) {
  FakeCard card;
  card.files[0x010D] = makeFile(0x6D, 500);
  std::vector<std::pair<std::size_t, std::size_t>> seen;
  LdsReader reader(card);
  auto data = reader.readFile(*lds::dataGroup(13), [&](std::size_t read, std::size_t total) {
    seen.emplace_back(read, total);
  });
  ASSERT_TRUE(data.ok());
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front().first, 6U);
  for (std::size_t i = 1; i < seen.size(); ++i) EXPECT_GT(seen[i].first, seen[i - 1].first);
  EXPECT_EQ(seen.back(), std::make_pair(data->size(), data->size()));
}

TEST(LdsReader, UsesExtendedLengthChunksWhenTheChannelAllows) {
  FakeCard card;
  card.channelLimit = 65503;
  card.files[0x0102] = makeFile(0x75, 20000);
  LdsReader reader(card);
  ASSERT_TRUE(reader.readFile(*lds::dataGroup(2)).ok());
  EXPECT_EQ(card.reads(), 2U);
  EXPECT_EQ(card.sent.back().ne, 20004U - 6U);
}

TEST(LdsReader, HonoursTheConfiguredMaximumChunk) {
  FakeCard card;
  card.channelLimit = 65503;
  card.files[0x0102] = makeFile(0x75, 3000);
  LdsReader reader(card, LdsReadOptions{true, 6, 1024});
  ASSERT_TRUE(reader.readFile(*lds::dataGroup(2)).ok());
  EXPECT_EQ(card.reads(), 1 + ceilDiv(3004 - 6, 1024));
}

TEST(LdsReader, SwitchesToOddInsAboveOffset7FFF) {
  FakeCard card;
  card.channelLimit = 4096;
  const Bytes big = makeFile(0x75, 40000);
  card.files[0x0102] = big;
  LdsReader reader(card);
  auto data = reader.readFile(*lds::dataGroup(2));
  ASSERT_TRUE(data.ok()) << data.error().detail();
  EXPECT_EQ(*data, big);
  bool sawOdd = false;
  for (const auto& c : card.sent) {
    if (c.ins == 0xB0) {
      EXPECT_LE((c.p1 << 8) | c.p2, 0x7FFF);
    }
    if (c.ins == 0xB1) {
      sawOdd = true;
      EXPECT_EQ(c.data[0], 0x54);
    }
  }
  EXPECT_TRUE(sawOdd);
}

TEST(LdsReader, AddressesByShortFileIdentifierWithoutSelect) {
  FakeCard card;
  card.files[0x011E] = hexBytes("60145F0104303130365F36063034303030305C026175");
  LdsReader reader(card, LdsReadOptions{false});
  auto com = reader.readFile(lds::kCom);
  ASSERT_TRUE(com.ok()) << com.error().detail();
  EXPECT_EQ(com->size(), 22U);
  ASSERT_EQ(card.sent.size(), 2U);
  EXPECT_EQ(toHex(card.sent[0].encode()), "00B09E0006");
  EXPECT_EQ(toHex(card.sent[1].encode()), "00B0000610");
}

TEST(LdsReader, MissingFileIsNotSupportedWithItsName) {
  FakeCard card;
  LdsReader reader(card);
  auto r = reader.readFile(*lds::dataGroup(11));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::NotSupported);
  EXPECT_NE(r.error().detail().find("EF.DG11 (010B)"), std::string::npos);
  EXPECT_NE(r.error().detail().find("6A82"), std::string::npos);
}

TEST(LdsReader, ProtectedFileIsNotSupported) {
  FakeCard card;
  card.selectStatus[0x0103] = kSwSecurityStatusNotSatisfied;
  LdsReader reader(card);
  auto r = reader.readFile(*lds::dataGroup(3));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::NotSupported);
  EXPECT_NE(r.error().detail().find("security status not satisfied"), std::string::npos);
}

TEST(LdsReader, HalvesTheChunkWhenTheCardAnswersWrongLength) {
  FakeCard card;
  card.cardLimit = 128;
  const Bytes dg13 = makeFile(0x6D, 1000);
  card.files[0x010D] = dg13;
  LdsReader reader(card);
  auto data = reader.readFile(*lds::dataGroup(13));
  ASSERT_TRUE(data.ok()) << data.error().detail();
  EXPECT_EQ(*data, dg13);
  // One refused read (231 -> 6700), then 115-byte chunks for the rest of the file and after.
  EXPECT_EQ(card.reads(), 1 + 1 + ceilDiv(dg13.size() - 6, 115));
  ASSERT_TRUE(reader.readFile(*lds::dataGroup(13)).ok());
}

TEST(LdsReader, TakesTheExactLengthFrom6Cxx) {
  FakeCard card;
  card.cardLimit = 200;
  card.exactLength = true;
  card.files[0x010D] = makeFile(0x6D, 1000);
  LdsReader reader(card);
  ASSERT_TRUE(reader.readFile(*lds::dataGroup(13)).ok());
  EXPECT_EQ(card.reads(), 1 + 1 + ceilDiv(1004 - 6, 200));
}

TEST(LdsReader, CompletesALongHeaderWithOneMoreRead) {
  FakeCard card;
  card.channelLimit = 65503;
  const Bytes file = encodeTlv(0x7F61, Bytes(70000, 0x42));  // 7F61 83 01 11 70: 6-byte header
  card.files[0x0102] = file;
  LdsReadOptions fourBytes;
  fourBytes.headerProbe = 4;
  LdsReader reader(card, fourBytes);
  auto data = reader.readFile(*lds::dataGroup(2));
  ASSERT_TRUE(data.ok()) << data.error().detail();
  EXPECT_EQ(*data, file);
  EXPECT_EQ(card.reads(), 2 + ceilDiv(file.size() - 10, 65503));
}

TEST(LdsReader, ReadsTheHeaderOfFilesAbove64KilobytesInOneCommand) {
  FakeCard card;
  card.channelLimit = 65503;
  const Bytes file = encodeTlv(0x75, Bytes(70000, 0x42));
  card.files[0x0102] = file;
  LdsReader reader(card);
  ASSERT_TRUE(reader.readFile(*lds::dataGroup(2)).ok());
  EXPECT_EQ(card.reads(), 1 + ceilDiv(file.size() - 6, 65503));
  EXPECT_LE(card.reads(), ceilDiv(file.size(), 65503) + 1);
}

TEST(LdsReader, RefusesIndefiniteLengthHeader) {
  FakeCard card;
  card.files[0x010D] = hexBytes("6D80300000000000");
  LdsReader reader(card);
  auto r = reader.readFile(*lds::dataGroup(13));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::ValidationFailed);
}

TEST(LdsReader, RefusesOversizedHeaderWithoutReadingOn) {
  FakeCard card;
  card.files[0x010D] = hexBytes("6D84FFFFFFFF00");
  LdsReader reader(card);
  auto r = reader.readFile(*lds::dataGroup(13));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason(), Reason::ValidationFailed);
  EXPECT_LE(card.reads(), 2U);
}

// A file shorter than its header claims comes back as stored, so passive authentication and the
// parsers give a verdict on it instead of the read failing.
TEST(LdsReader, ReturnsAFileThatEndsBeforeItsHeaderSaysAsStored) {
  FakeCard card;
  Bytes truncated = makeFile(0x6D, 1000);
  truncated.resize(600);
  card.files[0x010D] = truncated;
  LdsReader reader(card);
  auto r = reader.readFile(*lds::dataGroup(13));
  ASSERT_TRUE(r.ok()) << r.error().detail();
  EXPECT_EQ(*r, truncated);
}

TEST(LdsReader, ReportsCardRemovedAtEveryCommand) {
  const Bytes dg1 = makeFile(0x61, 300);
  for (std::size_t at = 0; at < 4; ++at) {
    FakeCard card;
    card.files[0x0101] = dg1;
    card.removeAt = at;
    LdsReader reader(card);
    auto r = reader.readFile(*lds::dataGroup(1));
    ASSERT_FALSE(r.ok()) << at;
    EXPECT_EQ(r.error().reason(), Reason::CardRemoved) << at;
  }
}

TEST(LdsReader, KnowsTheLdsFileTable) {
  EXPECT_EQ(lds::dataGroup(13)->fid, 0x010D);
  EXPECT_EQ(lds::dataGroup(13)->tag, 0x6DU);
  EXPECT_EQ(lds::dataGroup(2)->tag, 0x75U);
  EXPECT_EQ(lds::dataGroup(16)->sfi, 16);
  EXPECT_FALSE(lds::dataGroup(0).has_value());
  EXPECT_FALSE(lds::dataGroup(17).has_value());
  EXPECT_EQ(lds::kSod.fid, 0x011D);
  EXPECT_EQ(lds::kCardAccess.sfi, 0x1C);
}

}  // namespace
}  // namespace onestop::emrtd
