// The generated test cards (tests/data/cards/make-test-cards.py) as the PC/SC tests and the
// card-read benchmark see them: the folder of a card, its LDS files, its BAC key and its truth.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace onestop::testing {

// <build>/testcards, or $ONESTOP_TEST_CARDS_DIR when set.
std::filesystem::path testCardsDir();

// Why the generated cards cannot be used (folder or cards.json missing), or an empty string.
std::string testCardsUnavailableReason();

// The names of cards.json's cards of that kind ("citizen", "tampered", "malformed").
std::vector<std::string> testCardNames(const std::string& kind);

struct ExpectedFile {
  std::uintmax_t size = 0;
  std::string sha256;  // lower-case hex
};

struct TestCard {
  std::string name;
  std::filesystem::path dir;
  std::string mrzInformation;                 // chip.json: the 24-character BAC key
  std::map<std::string, ExpectedFile> files;  // card.json "files" (LDS files only), by "EF.COM" ...
  nlohmann::json dg13;                        // card.json "dg13": expected values by number
  nlohmann::json truth;                       // the whole card.json
};

// Loads <testCardsDir()>/<name>; throws std::runtime_error when a file is missing or malformed.
TestCard loadTestCard(const std::string& name);

// The whole file; throws std::runtime_error when it cannot be read.
std::vector<std::uint8_t> readBinaryFile(const std::filesystem::path& file);

// SHA-256 (OpenSSL EVP) as lower-case hex.
std::string sha256Hex(const std::vector<std::uint8_t>& data);

}  // namespace onestop::testing
