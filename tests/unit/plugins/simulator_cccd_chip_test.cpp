// The simulator's CCCD chip (plugins/simulator/src/cccd_chip) against the reader library
// (host/emrtd): two independent implementations of ICAO 9303 that must understand each other,
// over the synthetic cards of tests/data/cards.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "card_model_registry.hpp"
#include "cccd_chip/cccd_chip.hpp"
#include "onestop/emrtd/apdu.hpp"
#include "onestop/emrtd/bac.hpp"
#include "onestop/emrtd/card_session.hpp"
#include "onestop/emrtd/secure_channel.hpp"
#include "onestop/emrtd/trust_store.hpp"

namespace onestop::simulator {
namespace {

namespace fs = std::filesystem;
using emrtd::AccessKey;
using emrtd::Bytes;
using emrtd::CardReadRequest;
using emrtd::CardReadResult;
using emrtd::CheckOutcome;

const fs::path kCards = ONESTOP_TEST_CARDS_DIR;

// The reader's view of a chip: an extended-length contactless reader holding it.
class ChipTransport : public emrtd::CardTransport {
 public:
  explicit ChipTransport(CardModel& chip, bool extended = true)
      : chip_(chip), extended_(extended) {}
  Result<Bytes> transmit(const Bytes& command) override {
    ++count_;
    return chip_.transmit(command);
  }
  [[nodiscard]] std::size_t maxApduSize() const override { return extended_ ? 65544 : 261; }
  [[nodiscard]] bool extendedLength() const override { return extended_; }
  [[nodiscard]] std::size_t count() const { return count_; }

 private:
  CardModel& chip_;
  bool extended_;
  std::size_t count_ = 0;
};

// Takes the card away at APDU number `removeAt` (0-based): that and every later APDU fail.
class RemovingTransport final : public ChipTransport {
 public:
  RemovingTransport(CardModel& chip, std::size_t removeAt) : ChipTransport(chip), at_(removeAt) {}
  Result<Bytes> transmit(const Bytes& command) override {
    if (sent_++ >= at_) return Error(Reason::CardRemoved, "the card left the field");
    return ChipTransport::transmit(command);
  }

 private:
  std::size_t at_;
  std::size_t sent_ = 0;
};

Bytes fileBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

nlohmann::json chipJson(const std::string& card) {
  std::ifstream in(kCards / card / "chip.json");
  return nlohmann::json::parse(in);
}

AccessKey mrzKey(const std::string& card) {
  return {AccessKey::Kind::Mrz, chipJson(card)["mrzInformation"].get<std::string>()};
}

AccessKey canKey(const std::string& card) {
  return {AccessKey::Kind::Can, chipJson(card)["can"].get<std::string>()};
}

Bytes status(const std::vector<std::uint8_t>& response) {
  if (response.size() < 2) return {};
  return Bytes(response.end() - 2, response.end());
}

class CccdChipTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(kCards / "cards.json")) << "no test cards in " << kCards;
    ASSERT_TRUE(trust_.addDirectory((kCards / "trust").string()).ok());
  }

  CardReadRequest request(std::vector<AccessKey> keys) const {
    CardReadRequest r;
    r.keys = std::move(keys);
    r.activeAuthenticationChallenge = {0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF};
    r.trust = &trust_;
    return r;
  }

  Result<CardReadResult> read(CardModel& chip, std::vector<AccessKey> keys) {
    ChipTransport transport(chip);
    return emrtd::readCard(transport, random_, request(std::move(keys)));
  }

  // Every file the reader returned is the folder's file, byte for byte, and nothing is missing.
  static void expectFilesOfFolder(const CardReadResult& result, const std::string& card) {
    std::size_t compared = 0;
    for (const auto& entry : fs::directory_iterator(kCards / card)) {
      const std::string name = entry.path().filename().string();
      if (entry.path().extension() != ".bin") continue;
      const std::string file = name.substr(0, name.size() - 4);
      if (file == "EF.CardAccess") {
        EXPECT_EQ(result.cardAccess, fileBytes(entry.path()));
      } else {
        auto it = result.files.find(file);
        ASSERT_NE(it, result.files.end()) << file << " was not read from " << card;
        EXPECT_EQ(it->second, fileBytes(entry.path())) << file << " of " << card;
      }
      ++compared;
    }
    EXPECT_GE(compared, 7u);
  }

  static void expectAllChecksPassed(const CardReadResult& result, bool withCa) {
    EXPECT_EQ(result.chipAuthentication, withCa ? CheckOutcome::Passed : CheckOutcome::NotPerformed)
        << result.chipAuthenticationDetail;
    EXPECT_EQ(result.activeAuthentication, CheckOutcome::Passed)
        << result.activeAuthenticationDetail;
    ASSERT_TRUE(result.passiveAuthentication.has_value());
    EXPECT_TRUE(result.passiveAuthentication->passed());
    EXPECT_FALSE(result.failedState.has_value());
  }

  emrtd::TrustStore trust_;
  emrtd::OpenSslRandomSource random_;
};

TEST_F(CccdChipTest, BacReadOfAn2021PassesEveryCheckAndMatchesTheFolder) {
  cccd::CccdChip chip(kCards / "an-2021");

  auto result = read(chip, {mrzKey("an-2021")});

  ASSERT_TRUE(result.ok()) << result.error().detail();
  EXPECT_EQ(result->authentication, emrtd::AuthenticationMethod::Bac);
  EXPECT_TRUE(result->cardAccess.empty());
  expectFilesOfFolder(*result, "an-2021");
  expectAllChecksPassed(*result, true);
}

TEST_F(CccdChipTest, AShortLengthReaderReadsTheSameFilesInSmallerChunks) {
  cccd::CccdChip chip(kCards / "khanh-2024");
  ChipTransport shortReader(chip, false);

  auto result = emrtd::readCard(shortReader, random_, request({canKey("khanh-2024")}));

  ASSERT_TRUE(result.ok()) << result.error().detail();
  expectFilesOfFolder(*result, "khanh-2024");
  expectAllChecksPassed(*result, true);
  EXPECT_GT(shortReader.count(), 40u) << "DG2 alone needs dozens of short reads";
}

class PaceCards : public CccdChipTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(PaceCards, PaceWithCanReadsEverythingAndPassesEveryCheck) {
  const std::string card = GetParam();
  cccd::CccdChip chip(kCards / card);

  auto result = read(chip, {canKey(card)});

  ASSERT_TRUE(result.ok()) << result.error().detail();
  EXPECT_EQ(result->authentication, emrtd::AuthenticationMethod::Pace);
  expectFilesOfFolder(*result, card);
  expectAllChecksPassed(*result, fs::exists(kCards / card / "EF.DG14.bin"));
}

TEST_P(PaceCards, PaceWithMrzReadsEverythingAndPassesEveryCheck) {
  const std::string card = GetParam();
  cccd::CccdChip chip(kCards / card);

  auto result = read(chip, {mrzKey(card)});

  ASSERT_TRUE(result.ok()) << result.error().detail();
  EXPECT_EQ(result->authentication, emrtd::AuthenticationMethod::Pace);
  expectFilesOfFolder(*result, card);
  expectAllChecksPassed(*result, fs::exists(kCards / card / "EF.DG14.bin"));
}

TEST_P(PaceCards, WrongCanIsRejectedCountedAndTheChipStillReadsAfterwards) {
  const std::string card = GetParam();
  cccd::CccdChip chip(kCards / card);

  auto wrong = read(chip, {{AccessKey::Kind::Can, "999999"}});
  auto right = read(chip, {canKey(card)});

  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().reason(), Reason::AccessKeyRejected);
  EXPECT_EQ(chip.failedAuthentications(), 1u);
  ASSERT_TRUE(right.ok()) << right.error().detail();
  expectFilesOfFolder(*right, card);
}

INSTANTIATE_TEST_SUITE_P(Cards, PaceCards,
                         ::testing::Values("ngoc-2021-noexpiry", "khanh-2024", "minh-2024-child"));

TEST_F(CccdChipTest, WrongMrzIsRejectedByBacAndTheChipStillReadsAfterwards) {
  cccd::CccdChip chip(kCards / "an-2021");
  std::string wrongMrz = mrzKey("an-2021").value;
  wrongMrz[0] = wrongMrz[0] == '1' ? '2' : '1';

  auto wrong = read(chip, {{AccessKey::Kind::Mrz, wrongMrz}});
  auto right = read(chip, {mrzKey("an-2021")});

  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().reason(), Reason::AccessKeyRejected);
  EXPECT_EQ(chip.failedAuthentications(), 1u);
  EXPECT_EQ(chip.status()["failedAuthentications"], 1);
  ASSERT_TRUE(right.ok()) << right.error().detail();
  expectFilesOfFolder(*right, "an-2021");
}

TEST_F(CccdChipTest, WrongMrzIsRejectedByPace) {
  cccd::CccdChip chip(kCards / "khanh-2024");

  auto wrong = read(chip, {{AccessKey::Kind::Mrz, mrzKey("an-2021").value}});

  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().reason(), Reason::AccessKeyRejected);
  EXPECT_EQ(chip.failedAuthentications(), 1u);
}

TEST_F(CccdChipTest, PlainCommandsGetTheStatusWordsOfARealChip) {
  cccd::CccdChip chip(kCards / "an-2021");
  const Bytes selectApp{0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};

  EXPECT_EQ(status(chip.transmit(Bytes{0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x01})),
            (Bytes{0x6A, 0x82}))
      << "DG1 is not visible from the MF";
  EXPECT_EQ(status(chip.transmit(selectApp)), (Bytes{0x90, 0x00}));
  EXPECT_EQ(status(chip.transmit(Bytes{0x00, 0xB0, 0x81, 0x00, 0x04})), (Bytes{0x69, 0x82}))
      << "DG1 before access control";
  EXPECT_EQ(status(chip.transmit(Bytes{0x00, 0xA4, 0x02, 0x0C, 0x02, 0x01, 0x2F})),
            (Bytes{0x6A, 0x82}))
      << "unknown FID";
  EXPECT_EQ(status(chip.transmit(Bytes{0x00, 0xCA, 0x00, 0x00, 0x00})), (Bytes{0x6D, 0x00}));
  EXPECT_EQ(status(chip.transmit(Bytes{0x80, 0xB0, 0x00, 0x00, 0x04})), (Bytes{0x6E, 0x00}));
  EXPECT_EQ(status(chip.transmit(Bytes{0x00, 0xA4, 0x07, 0x0C, 0x02, 0x01, 0x1E})),
            (Bytes{0x6A, 0x86}));
  EXPECT_EQ(status(chip.transmit(Bytes{0x00, 0x84, 0x00, 0x00, 0x04})), (Bytes{0x67, 0x00}));
  EXPECT_EQ(status(chip.transmit(Bytes{0x00, 0x84, 0x00})), (Bytes{0x67, 0x00})) << "no P2";
  EXPECT_EQ(status(chip.transmit(Bytes{0x0C, 0xB0, 0x81, 0x00, 0x04})), (Bytes{0x69, 0x88}))
      << "a protected command with no session";
}

// BAC by the reader library, then raw APDUs at the chip.
class AfterBac : public CccdChipTest {
 protected:
  void SetUp() override {
    CccdChipTest::SetUp();
    chip_ = std::make_unique<cccd::CccdChip>(kCards / "an-2021");
    transport_ = std::make_unique<ChipTransport>(*chip_);
    const Bytes selectApp{0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};
    ASSERT_EQ(status(chip_->transmit(selectApp)), (Bytes{0x90, 0x00}));
    auto session =
        emrtd::performBac(*transport_, random_, std::string_view(mrzKey("an-2021").value));
    ASSERT_TRUE(session.ok()) << session.error().detail();
    channel_ = std::make_unique<emrtd::SecureChannel>(*transport_, std::move(session).value());
  }

  std::uint16_t sendProtected(const emrtd::CommandApdu& command) {
    auto response = channel_->send(command);
    EXPECT_TRUE(response.ok()) << response.error().detail();
    return response.ok() ? response->sw : 0;
  }

  std::unique_ptr<cccd::CccdChip> chip_;
  std::unique_ptr<ChipTransport> transport_;
  std::unique_ptr<emrtd::SecureChannel> channel_;
};

TEST_F(AfterBac, ProtectedErrorsCarryRealStatusWords) {
  const std::size_t dg1Size = fileBytes(kCards / "an-2021" / "EF.DG1.bin").size();

  EXPECT_EQ(sendProtected(emrtd::apdu::selectByFid(0x0101)), 0x9000);
  EXPECT_EQ(sendProtected(emrtd::apdu::readBinary(dg1Size + 1, 4)), 0x6B00) << "offset past EOF";
  EXPECT_EQ(sendProtected(emrtd::apdu::selectByFid(0x0130)), 0x6A82) << "unknown FID";
  EXPECT_EQ(sendProtected(emrtd::apdu::selectByFid(0x0103)), 0x9000) << "DG3 is listed";
  EXPECT_EQ(sendProtected(emrtd::apdu::readBinary(0, 4)), 0x6982) << "DG3 needs EAC";
  EXPECT_EQ(sendProtected(emrtd::apdu::readBinarySfi(0x0F, 0, 4)), 0x9000) << "DG15";
  EXPECT_TRUE(chip_->secureMessagingActive());
}

TEST_F(AfterBac, OddReadBinaryAnswersDo53) {
  const Bytes dg2 = fileBytes(kCards / "an-2021" / "EF.DG2.bin");
  ASSERT_GT(dg2.size(), 0x1010u);
  EXPECT_EQ(sendProtected(emrtd::apdu::selectByFid(0x0102)), 0x9000);

  auto response = channel_->send(emrtd::apdu::readBinaryOdd(0x1000, 18));

  ASSERT_TRUE(response.ok()) << response.error().detail();
  EXPECT_EQ(response->sw, 0x9000);
  Bytes expected{0x53, 0x10};
  expected.insert(expected.end(), dg2.begin() + 0x1000, dg2.begin() + 0x1010);
  EXPECT_EQ(response->data, expected);
}

TEST_F(AfterBac, AnUnprotectedReadEndsTheSession) {
  const auto plain = chip_->transmit(Bytes{0x00, 0xB0, 0x81, 0x00, 0x04});

  EXPECT_EQ(status(plain), (Bytes{0x69, 0x87}));
  EXPECT_EQ(plain.size(), 2u);
  EXPECT_FALSE(chip_->secureMessagingActive());
  EXPECT_EQ(status(chip_->transmit(Bytes{0x00, 0xB0, 0x81, 0x00, 0x04})), (Bytes{0x69, 0x82}))
      << "the keys are gone: DG1 is locked again";
}

TEST_F(AfterBac, ABadMacEndsTheSession) {
  auto wrapped = Bytes{0x0C, 0xB0, 0x81, 0x00, 0x0D, 0x97, 0x01, 0x04, 0x8E, 0x08,
                       0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x00};

  EXPECT_EQ(status(chip_->transmit(wrapped)), (Bytes{0x69, 0x88}));
  EXPECT_FALSE(chip_->secureMessagingActive());
  auto next = channel_->send(emrtd::apdu::readBinarySfi(0x01, 0, 4));
  ASSERT_TRUE(next.ok()) << next.error().detail();
  EXPECT_EQ(next->sw, 0x6988) << "a protected command after teardown has no session";
}

TEST_F(CccdChipTest, CardRemovedAtEveryApduOfAFullPaceCaAaReadEndsTheReadCleanly) {
  const std::string card = "khanh-2024";
  cccd::CccdChip counting(kCards / card);
  ChipTransport countingTransport(counting);
  auto full = emrtd::readCard(countingTransport, random_, request({canKey(card)}));
  ASSERT_TRUE(full.ok()) << full.error().detail();
  ASSERT_EQ(full->chipAuthentication, CheckOutcome::Passed);
  ASSERT_EQ(full->activeAuthentication, CheckOutcome::Passed);
  const std::size_t apdus = countingTransport.count();
  ASSERT_GT(apdus, 15u);

  for (std::size_t k = 0; k < apdus; ++k) {
    cccd::CccdChip chip(kCards / card);
    RemovingTransport removing(chip, k);
    auto result = emrtd::readCard(removing, random_, request({canKey(card)}));
    ASSERT_FALSE(result.ok()) << "removed at APDU " << k;
    EXPECT_EQ(result.error().reason(), Reason::CardRemoved)
        << "APDU " << k << ": " << result.error().detail();
    chip.reset();  // put back in the field
    auto again = read(chip, {canKey(card)});
    ASSERT_TRUE(again.ok()) << "after removal at APDU " << k << ": " << again.error().detail();
    EXPECT_FALSE(again->failedState.has_value()) << "after removal at APDU " << k;
  }
  cccd::CccdChip fresh(kCards / card);
  auto last = read(fresh, {canKey(card)});
  ASSERT_TRUE(last.ok()) << last.error().detail();
  expectAllChecksPassed(*last, true);
}

TEST_F(CccdChipTest, RegistryInsertsCardFoldersByNameAndByPath) {
  auto byName = makeCardModel("an-2021", nlohmann::json::object(), kCards);
  auto byPath = makeCardModel("cccd", {{"folder", (kCards / "khanh-2024").string()}}, kCards);
  auto unknown = makeCardModel("no-such-card", nlohmann::json::object(), kCards);
  auto escape = makeCardModel("../cards", nlohmann::json::object(), kCards / "an-2021");

  ASSERT_NE(byName, nullptr);
  ASSERT_NE(byPath, nullptr);
  EXPECT_EQ(unknown, nullptr);
  EXPECT_EQ(escape, nullptr);
  auto result = read(*byPath, {canKey("khanh-2024")});
  ASSERT_TRUE(result.ok()) << result.error().detail();
  EXPECT_EQ(result->authentication, emrtd::AuthenticationMethod::Pace);
}

}  // namespace
}  // namespace onestop::simulator
