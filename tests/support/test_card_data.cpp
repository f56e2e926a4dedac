#include "test_card_data.hpp"

#include <openssl/evp.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace onestop::testing {
namespace {

namespace fs = std::filesystem;

nlohmann::json readJson(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot open " + file.string());
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
}

// card.json names files "EF.COM" or "EF.COM.bin"; the reader names them "EF.COM".
std::string withoutBinSuffix(std::string name) {
  const std::string suffix = ".bin";
  if (name.size() > suffix.size() && name.ends_with(suffix)) name.resize(name.size() - 4);
  return name;
}

}  // namespace

fs::path testCardsDir() {
  if (const char* dir = std::getenv("ONESTOP_TEST_CARDS_DIR"); dir != nullptr && *dir != '\0') {
    return dir;
  }
  return ONESTOP_DEFAULT_TEST_CARDS_DIR;
}

std::string testCardsUnavailableReason() {
  const fs::path index = testCardsDir() / "cards.json";
  if (!fs::exists(index)) {
    return index.string() + " missing: build the onestop_test_cards target";
  }
  return {};
}

std::vector<std::string> testCardNames(const std::string& kind) {
  std::vector<std::string> names;
  const nlohmann::json index = readJson(testCardsDir() / "cards.json");
  for (const auto& card : index.at("cards")) {
    if (card.value("kind", std::string()) == kind)
      names.push_back(card.at("name").get<std::string>());
  }
  return names;
}

TestCard loadTestCard(const std::string& name) {
  TestCard card;
  card.name = name;
  card.dir = testCardsDir() / name;
  const nlohmann::json chip = readJson(card.dir / "chip.json");
  card.truth = readJson(card.dir / "card.json");
  card.mrzInformation = chip.at("mrzInformation").get<std::string>();
  for (const auto& [fileName, expected] : card.truth.at("files").items()) {
    if (!fileName.starts_with("EF.")) continue;  // face.jpg and other by-products
    card.files[withoutBinSuffix(fileName)] = {expected.at("size").get<std::uintmax_t>(),
                                              expected.at("sha256").get<std::string>()};
  }
  card.dg13 = card.truth.at("dg13");
  return card;
}

std::vector<std::uint8_t> readBinaryFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + file.string());
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string sha256Hex(const std::vector<std::uint8_t>& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("EVP_Digest failed");
  }
  std::string hex;
  char byte[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(byte, sizeof byte, "%02x", digest[i]);
    hex += byte;
  }
  return hex;
}

}  // namespace onestop::testing
