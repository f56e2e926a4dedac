// PiiCipher: the key file's life (created private, refused when exposed or damaged) and sealed
// values that open only with the same key, the same aad and unaltered bytes.
#include "onestop/store/pii_cipher.hpp"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "synthetic_case.hpp"
#include "temp_dir.hpp"

namespace onestop::store {
namespace {

std::vector<char> fileBytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  // rdbuf, not istreambuf_iterator: GCC 12 -O2 flags the latter (-Wnull-dereference).
  std::ostringstream text;
  text << in.rdbuf();
  const auto bytes = text.str();
  return {bytes.begin(), bytes.end()};
}

mode_t permissions(const std::filesystem::path& file) {
  struct stat info {};
  EXPECT_EQ(::stat(file.c_str(), &info), 0);
  return info.st_mode & 0777;
}

TEST(PiiKeyFile, CreatedPrivateWith32RandomBytesAndReusedAfterwards) {
  test::TempDir dir;
  const auto file = dir.file("pii.key");
  auto first = PiiCipher::openKeyFile(file);
  ASSERT_TRUE(first.ok()) << first.error().detail();
  EXPECT_EQ(permissions(file), 0600u);
  const auto key = fileBytes(file);
  ASSERT_EQ(key.size(), PiiCipher::kKeyBytes);
  EXPECT_NE(key, std::vector<char>(PiiCipher::kKeyBytes, '\0'));
  // No temporary file is left next to it.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);

  auto sealed = (*first)->encrypt("{\"fullName\":\"x\"}", "cases.form:HS-1");
  ASSERT_TRUE(sealed.ok());
  auto second = PiiCipher::openKeyFile(file);
  ASSERT_TRUE(second.ok()) << second.error().detail();
  EXPECT_EQ(fileBytes(file), key);  // not regenerated
  auto opened = (*second)->decrypt(*sealed, "cases.form:HS-1");
  ASSERT_TRUE(opened.ok()) << opened.error().detail();
  EXPECT_EQ(*opened, "{\"fullName\":\"x\"}");
  EXPECT_EQ((*first)->blindIndex(test::kCitizenIdNumber),
            (*second)->blindIndex(test::kCitizenIdNumber));
}

TEST(PiiKeyFile, TwoDirectoriesGetDifferentKeys) {
  test::TempDir one;
  test::TempDir two;
  ASSERT_TRUE(PiiCipher::openKeyFile(one.file("pii.key")).ok());
  ASSERT_TRUE(PiiCipher::openKeyFile(two.file("pii.key")).ok());
  EXPECT_NE(fileBytes(one.file("pii.key")), fileBytes(two.file("pii.key")));
}

TEST(PiiKeyFile, ConcurrentFirstUseAgreesOnOneKey) {
  test::TempDir dir;
  const auto file = dir.file("pii.key");
  std::vector<std::shared_ptr<PiiCipher>> ciphers(6);
  std::vector<std::thread> threads;
  for (auto& slot : ciphers) {
    threads.emplace_back([&slot, &file] {
      auto opened = PiiCipher::openKeyFile(file);
      if (opened) slot = *opened;
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> indexes;
  for (const auto& cipher : ciphers) {
    ASSERT_NE(cipher, nullptr);
    indexes.insert(cipher->blindIndex("079203999017"));
  }
  EXPECT_EQ(indexes.size(), 1u);
}

TEST(PiiKeyFile, RefusesAFileOthersCanRead) {
  test::TempDir dir;
  const auto file = dir.file("pii.key");
  ASSERT_TRUE(PiiCipher::openKeyFile(file).ok());
  for (const mode_t mode : {mode_t{0644}, mode_t{0640}, mode_t{0604}, mode_t{0620}, mode_t{0602}}) {
    ASSERT_EQ(::chmod(file.c_str(), mode), 0);
    auto opened = PiiCipher::openKeyFile(file);
    ASSERT_FALSE(opened.ok()) << std::oct << mode;
    EXPECT_EQ(opened.error().reason(), Reason::StorageFailed);
    EXPECT_NE(opened.error().detail().find("chmod 600"), std::string::npos)
        << opened.error().detail();
    EXPECT_NE(opened.error().detail().find(file.string()), std::string::npos);
  }
  ASSERT_EQ(::chmod(file.c_str(), 0400), 0);  // read-only for the owner is fine
  EXPECT_TRUE(PiiCipher::openKeyFile(file).ok());
}

TEST(PiiKeyFile, RefusesAFileOfTheWrongSize) {
  test::TempDir dir;
  for (const std::size_t size :
       {std::size_t{0}, std::size_t{16}, std::size_t{31}, std::size_t{33}, std::size_t{64}}) {
    const auto file = dir.file(("pii-" + std::to_string(size) + ".key").c_str());
    {
      std::ofstream out(file, std::ios::binary);
      out << std::string(size, 'k');
    }
    ASSERT_EQ(::chmod(file.c_str(), 0600), 0);
    auto opened = PiiCipher::openKeyFile(file);
    ASSERT_FALSE(opened.ok()) << size;
    EXPECT_EQ(opened.error().reason(), Reason::StorageFailed);
    EXPECT_NE(opened.error().detail().find("expected 32"), std::string::npos)
        << opened.error().detail();
  }
}

TEST(PiiKeyFile, RefusesADirectoryAndASymlink) {
  test::TempDir dir;
  std::filesystem::create_directory(dir.file("as-dir"));
  ::chmod(dir.file("as-dir").c_str(), 0700);
  EXPECT_FALSE(PiiCipher::openKeyFile(dir.file("as-dir")).ok());
  ASSERT_TRUE(PiiCipher::openKeyFile(dir.file("real.key")).ok());
  std::filesystem::create_symlink(dir.file("real.key"), dir.file("link.key"));
  auto viaLink = PiiCipher::openKeyFile(dir.file("link.key"));
  ASSERT_FALSE(viaLink.ok());
  EXPECT_EQ(viaLink.error().reason(), Reason::StorageFailed);
  EXPECT_FALSE(PiiCipher::openKeyFile(dir.path() / "missing-dir" / "pii.key").ok());
}

TEST(PiiCipher, SealedFormatIsVersionNonceCiphertextTag) {
  const auto cipher = test::testCipher();
  const std::string plaintext = test::kCitizenName;
  auto sealed = cipher->encrypt(plaintext, "cases.form:HS-1");
  ASSERT_TRUE(sealed.ok());
  ASSERT_EQ(sealed->size(), 1 + 12 + plaintext.size() + 16);
  EXPECT_EQ((*sealed)[0], 0x01);
  const std::string body(sealed->begin() + 13, sealed->end() - 16);
  EXPECT_NE(body, plaintext);
  // A fresh nonce each time: the same value never seals to the same bytes.
  auto again = cipher->encrypt(plaintext, "cases.form:HS-1");
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*sealed, *again);
  EXPECT_FALSE(std::equal(sealed->begin() + 1, sealed->begin() + 13, again->begin() + 1));
}

TEST(PiiCipher, RoundTripsEmptyAndLargeValues) {
  const auto cipher = test::testCipher();
  for (const std::string& value : {std::string(), std::string(1, 'a'), std::string(100000, 'z')}) {
    auto sealed = cipher->encrypt(value, "aad");
    ASSERT_TRUE(sealed.ok());
    auto opened = cipher->decrypt(*sealed, "aad");
    ASSERT_TRUE(opened.ok()) << opened.error().detail();
    EXPECT_EQ(*opened, value);
  }
}

TEST(PiiCipher, EveryFlippedByteIsDetected) {
  const auto cipher = test::testCipher();
  auto sealed = cipher->encrypt("{\"idNumber\":\"079203999017\"}", "cases.form:HS-1");
  ASSERT_TRUE(sealed.ok());
  for (std::size_t i = 0; i < sealed->size(); ++i) {
    auto tampered = *sealed;
    tampered[i] ^= 0x01;
    auto opened = cipher->decrypt(tampered, "cases.form:HS-1");
    ASSERT_FALSE(opened.ok()) << "byte " << i;
    EXPECT_EQ(opened.error().reason(), Reason::StorageFailed);
  }
}

TEST(PiiCipher, RefusesAnotherRowsAadAnotherKeyAndTruncation) {
  const auto cipher = test::testCipher(0x42);
  auto sealed = cipher->encrypt("secret", "cases.form:HS-20261123-000001");
  ASSERT_TRUE(sealed.ok());
  EXPECT_FALSE(cipher->decrypt(*sealed, "cases.form:HS-20261123-000002").ok());
  EXPECT_FALSE(cipher->decrypt(*sealed, "cases.card:HS-20261123-000001").ok());
  EXPECT_FALSE(test::testCipher(0x43)->decrypt(*sealed, "cases.form:HS-20261123-000001").ok());
  const std::vector<std::uint8_t> cut(sealed->begin(), sealed->begin() + 20);
  auto truncated = cipher->decrypt(cut, "cases.form:HS-20261123-000001");
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().reason(), Reason::StorageFailed);
  EXPECT_FALSE(cipher->decrypt({}, "x").ok());
}

TEST(PiiCipher, DecryptsWhatStandardAesGcmSealedUnderTheDerivedKey) {
  // Independent of our encrypt(): seal with OpenSSL directly under HKDF(main key, label), so the
  // documented format and key derivation are what decrypt() really implements.
  std::array<std::uint8_t, 32> mainKey{};
  mainKey.fill(0x42);
  std::array<unsigned char, 32> subkey{};
  EVP_PKEY_CTX* kdf = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr);
  ASSERT_NE(kdf, nullptr);
  const std::string label = "onestop.pii.v1 aes-256-gcm";
  std::size_t subkeySize = subkey.size();
  ASSERT_EQ(EVP_PKEY_derive_init(kdf), 1);
  ASSERT_EQ(EVP_PKEY_CTX_set_hkdf_md(kdf, EVP_sha256()), 1);
  ASSERT_EQ(EVP_PKEY_CTX_set1_hkdf_key(kdf, mainKey.data(), 32), 1);
  ASSERT_EQ(EVP_PKEY_CTX_add1_hkdf_info(kdf, reinterpret_cast<const unsigned char*>(label.data()),
                                        static_cast<int>(label.size())),
            1);
  ASSERT_EQ(EVP_PKEY_derive(kdf, subkey.data(), &subkeySize), 1);
  EVP_PKEY_CTX_free(kdf);

  const std::string plaintext = "plain";
  const std::string aad = "cases.form:HS-X";
  // Built by push_back: GCC 12 -O2 flags indexing a freshly sized vector (-Wnull-dereference).
  std::vector<std::uint8_t> sealed{0x01};
  for (std::size_t i = 0; i < 12; ++i) sealed.push_back(static_cast<std::uint8_t>(i * 7));
  sealed.resize(1 + 12 + plaintext.size() + 16, 0);
  EVP_CIPHER_CTX* context = EVP_CIPHER_CTX_new();
  int length = 0;
  ASSERT_EQ(EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nullptr, subkey.data(), &sealed[1]), 1);
  ASSERT_EQ(EVP_EncryptUpdate(context, nullptr, &length,
                              reinterpret_cast<const unsigned char*>(aad.data()),
                              static_cast<int>(aad.size())),
            1);
  ASSERT_EQ(EVP_EncryptUpdate(context, &sealed[13], &length,
                              reinterpret_cast<const unsigned char*>(plaintext.data()),
                              static_cast<int>(plaintext.size())),
            1);
  ASSERT_EQ(EVP_EncryptFinal_ex(context, &sealed[13] + length, &length), 1);
  ASSERT_EQ(EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, 16, &sealed[13 + plaintext.size()]),
            1);
  EVP_CIPHER_CTX_free(context);

  auto opened = PiiCipher::fromKey(mainKey)->decrypt(sealed, aad);
  ASSERT_TRUE(opened.ok()) << opened.error().detail();
  EXPECT_EQ(*opened, plaintext);
}

TEST(PiiCipher, BlindIndexIsKeyedHexAndDistinguishesValues) {
  const auto cipher = test::testCipher(0x42);
  const std::string index = cipher->blindIndex("079203999017");
  EXPECT_EQ(index.size(), 64u);
  EXPECT_EQ(index.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(index, cipher->blindIndex("079203999017"));
  EXPECT_NE(index, cipher->blindIndex("079203999018"));
  EXPECT_NE(index, test::testCipher(0x43)->blindIndex("079203999017"));
  // Not a bare hash of the value: without the key it cannot be recomputed from a guess.
  std::array<unsigned char, 32> digest{};
  unsigned int size = 0;
  const std::string value = "079203999017";
  EVP_Digest(value.data(), value.size(), digest.data(), &size, EVP_sha256(), nullptr);
  std::string bare;
  for (unsigned char byte : digest) {
    static constexpr char kDigits[] = "0123456789abcdef";
    bare.push_back(kDigits[byte >> 4]);
    bare.push_back(kDigits[byte & 0x0F]);
  }
  EXPECT_NE(index, bare);
}

}  // namespace
}  // namespace onestop::store
