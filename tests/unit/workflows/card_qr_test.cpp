// The card's QR classified from text and found in images: the generated cards' own payloads and
// scans (tests/data/cards: qrencode, 600 dpi card side, 300/150 dpi A4 flatbed scans), foreign
// symbols drawn here, and images with nothing or broken bytes.
#include "onestop/workflows/card_qr.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>

#include "card_evidence.hpp"
#include "onestop/cccd/access_key.hpp"
#include "onestop/workflows/online_verifier.hpp"
#include "symbol_images.hpp"

namespace onestop::workflows {
namespace {

using testing::cardDir;
using testing::cardTruth;

// The citizen cards: the ones with a printed card side and glass scans.
std::vector<std::string> citizenCards() {
  std::ifstream in(std::filesystem::path(ONESTOP_TEST_CARDS_DIR) / "cards.json");
  const auto index = nlohmann::json::parse(in);
  std::vector<std::string> names;
  for (const auto& card : index["cards"]) {
    if (card["kind"] == "citizen") names.push_back(card["name"]);
  }
  return names;
}

std::vector<std::uint8_t> fileBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

SimulatedOnlineVerifier appQrSimulator() {
  return SimulatedOnlineVerifier({}, {}, false, /*appQr=*/true);
}

TEST(CardQr, NamesTheKinds) {
  EXPECT_STREQ(qrKindName(QrKind::CccdCard), "cccdCard");
  EXPECT_STREQ(qrKindName(QrKind::VneidApp), "vneidApp");
  EXPECT_STREQ(qrKindName(QrKind::Other), "other");
}

TEST(CardQr, ClassifiesEveryGeneratedCardsPayloadAsACardQr) {
  const auto cards = citizenCards();
  ASSERT_EQ(cards.size(), 4u);
  const auto verifier = appQrSimulator();
  for (const auto& card : cards) {
    SCOPED_TRACE(card);
    const auto truth = cardTruth(card);
    const std::string qr = truth["qr"];
    EXPECT_EQ(qr, truth.value("qr2021", truth.value("qr2024", std::string())));

    for (const OnlineVerifier* withVerifier : {static_cast<const OnlineVerifier*>(nullptr),
                                               static_cast<const OnlineVerifier*>(&verifier)}) {
      const auto kind = classifyQr(qr, withVerifier);
      ASSERT_EQ(kind.kind, QrKind::CccdCard) << kind.notCardDetail;
      ASSERT_TRUE(kind.card.has_value());
      EXPECT_EQ(kind.card->idNumber, truth["printed"]["id"]);
      EXPECT_EQ(kind.card->fullName, truth["printed"]["name"]);
      EXPECT_EQ(cccd::toSlashDate(kind.card->dateOfBirth), truth["printed"]["dob"]);
      EXPECT_EQ(cccd::toSlashDate(kind.card->dateOfIssue), truth["printed"]["issue"]);
      EXPECT_EQ(kind.card->generation, truth["generation"] == "CCCD_2021"
                                           ? cccd::CardGeneration::Cccd2021
                                           : cccd::CardGeneration::CanCuoc2024);
      EXPECT_TRUE(kind.notCardDetail.empty());
    }
  }
}

TEST(CardQr, ClassifiesForeignTextAsOtherSayingWhyWithoutTheContent) {
  const auto verifier = appQrSimulator();
  const std::pair<std::string, std::string> cases[] = {
      {"https://dichvucong.example.gov.vn/tra-cuu?ma=HS-2026-000123",
       "a URL, not '|'-separated fields"},
      {"Phiếu hẹn số 000123", "text of 25 bytes without '|' separators"},
      {"a|b|c", "3 '|'-separated fields, a CCCD QR code has at least 7"},
      {"", "empty text"},
      {"00109501234X||Nguyễn Văn An|15061995|Nam|Hà Nội|10082021",
       "field 1 is not a 12-digit ID number"},
  };
  for (const auto& [text, why] : cases) {
    SCOPED_TRACE(text);
    const auto kind = classifyQr(text, &verifier);
    EXPECT_EQ(kind.kind, QrKind::Other);
    EXPECT_FALSE(kind.card.has_value());
    EXPECT_EQ(kind.notCardDetail, why);
  }
}

TEST(CardQr, LeavesTheAppQrToTheVerifierNeverGuessingIt) {
  const auto now = std::chrono::system_clock::now();
  const std::string fresh = makeSimulatedAppQr("001095012345", now);
  const std::string expired = makeSimulatedAppQr("001095012345", now - std::chrono::hours(1));
  const std::string malformed = "ONESTOP-SIM-VNEID/1|0010950|soon";
  const auto verifier = appQrSimulator();
  const SimulatedOnlineVerifier appQrOff({}, {}, false, /*appQr=*/false);

  for (const auto& text : {fresh, expired, malformed}) {
    SCOPED_TRACE(text);
    // Recognising is the verifier's call; whether it is still valid is checkAppQr's.
    const auto byVerifier = classifyQr(text, &verifier);
    EXPECT_EQ(byVerifier.kind, QrKind::VneidApp);
    EXPECT_FALSE(byVerifier.card.has_value());
    EXPECT_TRUE(byVerifier.notCardDetail.empty());

    for (const OnlineVerifier* none : {static_cast<const OnlineVerifier*>(nullptr),
                                       static_cast<const OnlineVerifier*>(&appQrOff)}) {
      const auto alone = classifyQr(text, none);
      EXPECT_EQ(alone.kind, QrKind::Other);
      EXPECT_FALSE(alone.notCardDetail.empty());
      EXPECT_EQ(alone.notCardDetail.find("001095012345"), std::string::npos);
    }
  }
}

// One scan of a citizen card gives its payload, and the keys to its chip follow from it.
void expectCardQrIn(const std::string& card, const char* file) {
  SCOPED_TRACE(card + "/" + file);
  const auto truth = cardTruth(card);
  const auto expected = cccd::parseCccdQr(truth["qr"].get<std::string>());
  ASSERT_TRUE(expected.ok());
  const auto image = fileBytes(cardDir(card) / file);
  ASSERT_FALSE(image.empty());

  auto found = findCardQr(image);

  ASSERT_TRUE(found.ok()) << found.error().detail();
  EXPECT_EQ(found->symbol.text, truth["qr"]);
  EXPECT_EQ(found->symbol.format, "QRCode");
  EXPECT_GE(found->symbolsFound, 1u);
  EXPECT_EQ(found->payload.idNumber, expected->idNumber);
  EXPECT_EQ(found->payload.address, expected->address);
  EXPECT_EQ(found->payload.extraFields, expected->extraFields);

  cccd::AccessKeyInputs inputs;
  inputs.personal.push_back(cccd::keyDataFromQr(found->payload));
  const bool pace = truth["expected"]["pace"];
  auto keys = cccd::planAccessKeys(inputs, cccd::ChipAccess{pace});
  ASSERT_TRUE(keys.ok()) << keys.error().detail();
  const auto has = [&](cccd::AccessMethod method, const std::string& secret) {
    return std::any_of(keys->begin(), keys->end(), [&](const cccd::KeyCandidate& key) {
      return key.method == method && key.secret == secret;
    });
  };
  EXPECT_TRUE(has(cccd::AccessMethod::Bac, truth["bac"]["mrzInformation"]));
  EXPECT_EQ(has(cccd::AccessMethod::PaceCan, truth["can"]), pace);
}

TEST(CardQr, FindsTheCardQrOnEveryGeneratedCardSide) {
  for (const auto& card : citizenCards()) expectCardQrIn(card, "card-qr-side-600dpi.png");
}

TEST(CardQr, FindsTheCardQrInEveryGeneratedA4ScanAt300Dpi) {
  for (const auto& card : citizenCards()) expectCardQrIn(card, "glass-300dpi.png");
}

// 150 dpi is below what card.readFromQr uses (300): a 20 mm QR has 1.5–2 px modules there. The
// 2021 QR (7 fields, fewer modules) must still read; the denser 2024 QR (≥ 10 fields) may be
// missed (zbarimg reads none of the four), but never misread.
TEST(CardQr, AtLowResolutionReadsThe2021QrAndNeverMisreads) {
  std::size_t read2021 = 0;
  for (const auto& card : citizenCards()) {
    const auto truth = cardTruth(card);
    const bool is2021 = cccd::parseCccdQr(truth["qr"].get<std::string>())->generation ==
                        cccd::CardGeneration::Cccd2021;
    if (is2021) {
      expectCardQrIn(card, "glass-150dpi.png");
      ++read2021;
      continue;
    }
    SCOPED_TRACE(card);
    auto found = findCardQr(fileBytes(cardDir(card) / "glass-150dpi.png"));
    if (found) {
      EXPECT_EQ(found->symbol.text, truth["qr"]);
    } else {
      EXPECT_EQ(found.error().reason(), Reason::QrNotFound) << found.error().detail();
    }
  }
  EXPECT_GE(read2021, 2u);
}

TEST(CardQr, PrefersTheCardQrAmongOtherSymbols) {
  const std::string payload = cardTruth("an-2021")["qr"];
  const auto page = testing::pageWithSymbols(
      1240, 1754,
      {{testing::SymbolKind::QrCode, "https://example.org/tra-cuu", 100, 100},
       {testing::SymbolKind::Code128, "HS2026000123", 100, 700},
       {testing::SymbolKind::QrCode, payload, 600, 1000}});

  auto found = findCardQr(page);

  ASSERT_TRUE(found.ok()) << found.error().detail();
  EXPECT_EQ(found->symbol.text, payload);
  EXPECT_EQ(found->symbolsFound, 3u);
}

TEST(CardQr, SaysWhatWasFoundWhenNoSymbolIsACardQr) {
  const std::string url = "https://dichvucong.example.gov.vn/tra-cuu?ma=HS-2026-000123";
  const auto onlyUrl =
      testing::pageWithSymbols(800, 800, {{testing::SymbolKind::QrCode, url, 100, 100}});

  auto urlOnly = findCardQr(onlyUrl);

  ASSERT_FALSE(urlOnly.ok());
  EXPECT_EQ(urlOnly.error().reason(), Reason::QrNotCccd);
  EXPECT_EQ(urlOnly.error().detail(),
            "no card QR among the symbols found: 1 QRCode: a URL, not '|'-separated fields");

  const auto mixed =
      testing::pageWithSymbols(1240, 1754,
                               {{testing::SymbolKind::QrCode, url, 100, 100},
                                {testing::SymbolKind::Code128, "HS2026000123", 100, 900}});
  auto found = findCardQr(mixed);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().reason(), Reason::QrNotCccd);
  const std::string detail = found.error().detail();
  EXPECT_NE(detail.find("1 QRCode: a URL, not '|'-separated fields"), std::string::npos) << detail;
  EXPECT_NE(detail.find("1 Code128"), std::string::npos) << detail;
  EXPECT_EQ(detail.find("dichvucong"), std::string::npos) << detail;
  EXPECT_EQ(detail.find("HS2026000123"), std::string::npos) << detail;
}

TEST(CardQr, AnswersQrNotFoundForABlankPage) {
  const auto blank = testing::pageWithSymbols(1240, 1754, {});

  auto found = findCardQr(blank);

  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().reason(), Reason::QrNotFound);
}

TEST(CardQr, PassesImageErrorsThrough) {
  auto png = fileBytes(cardDir("an-2021") / "glass-150dpi.png");
  ASSERT_GT(png.size(), 1000u);
  png.resize(png.size() / 2);
  const std::vector<std::uint8_t> notAnImage{'h', 'e', 'l', 'l', 'o'};

  for (const auto& bytes : {png, notAnImage, std::vector<std::uint8_t>{}}) {
    auto found = findCardQr(bytes);
    ASSERT_FALSE(found.ok());
    EXPECT_EQ(found.error().reason(), Reason::ImageInvalid) << found.error().detail();
  }
}

}  // namespace
}  // namespace onestop::workflows
