#include "onestop/store/pii_cipher.hpp"

#include <fcntl.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <stdexcept>

namespace onestop::store {

namespace {

// HKDF "info" labels: changing one changes every derived key, so they are part of the format.
constexpr std::string_view kEncryptionKeyLabel = "onestop.pii.v1 aes-256-gcm";
constexpr std::string_view kIndexKeyLabel = "onestop.pii.v1 blind-index";

struct CipherContextFree {
  void operator()(EVP_CIPHER_CTX* context) const { EVP_CIPHER_CTX_free(context); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, CipherContextFree>;

struct KdfFree {
  void operator()(EVP_KDF* kdf) const { EVP_KDF_free(kdf); }
};
struct KdfContextFree {
  void operator()(EVP_KDF_CTX* context) const { EVP_KDF_CTX_free(context); }
};

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const { return fd_; }

 private:
  int fd_;
};

std::array<std::uint8_t, PiiCipher::kKeyBytes> deriveSubkey(
    std::span<const std::uint8_t, PiiCipher::kKeyBytes> mainKey, std::string_view label) {
  const std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr));
  if (!kdf) throw std::runtime_error("OpenSSL: HKDF unavailable");
  const std::unique_ptr<EVP_KDF_CTX, KdfContextFree> context(EVP_KDF_CTX_new(kdf.get()));
  if (!context) throw std::runtime_error("OpenSSL: HKDF context");
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY,
                                        const_cast<std::uint8_t*>(mainKey.data()), mainKey.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char*>(label.data()),
                                        label.size()),
      OSSL_PARAM_construct_end(),
  };
  std::array<std::uint8_t, PiiCipher::kKeyBytes> subkey{};
  if (EVP_KDF_derive(context.get(), subkey.data(), subkey.size(), params) != 1) {
    throw std::runtime_error("OpenSSL: HKDF derive failed");
  }
  return subkey;
}

Error keyFileError(const std::filesystem::path& file, const std::string& problem) {
  return Error(Reason::StorageFailed, "PII key file " + file.string() + ": " + problem);
}

std::string octalMode(mode_t mode) {
  char text[16];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

// Writes a fresh key to a private temporary file and links it into place: link() fails when the
// name exists, so of two processes creating the key at once exactly one wins and both then read
// the winner's complete file (never a half-written one).
Result<void> createKeyFile(const std::filesystem::path& file) {
  std::array<std::uint8_t, PiiCipher::kKeyBytes> key{};
  if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) {
    return Error(Reason::Internal, "OpenSSL: RAND_bytes failed for the PII key");
  }
  std::array<std::uint8_t, 8> suffix{};
  RAND_bytes(suffix.data(), static_cast<int>(suffix.size()));
  char suffixHex[2 * suffix.size() + 1];
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    std::snprintf(suffixHex + 2 * i, 3, "%02x", suffix[i]);
  }
  const std::filesystem::path temporary = file.string() + ".new-" + suffixHex;

  Result<void> outcome;
  {
    const FileDescriptor fd(
        ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (fd.get() < 0)
      return keyFileError(file, std::string("cannot create: ") + std::strerror(errno));
    const ssize_t written = ::write(fd.get(), key.data(), key.size());
    if (written != static_cast<ssize_t>(key.size()) || ::fsync(fd.get()) != 0) {
      outcome = keyFileError(file, std::string("cannot write: ") + std::strerror(errno));
    }
  }
  OPENSSL_cleanse(key.data(), key.size());
  if (outcome && ::link(temporary.c_str(), file.c_str()) != 0 && errno != EEXIST) {
    outcome = keyFileError(file, std::string("cannot create: ") + std::strerror(errno));
  }
  ::unlink(temporary.c_str());
  if (outcome) {
    // The new name must survive a power cut along with the database that depends on it.
    const auto directory = file.has_parent_path() ? file.parent_path() : std::filesystem::path(".");
    const FileDescriptor dir(::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() >= 0) ::fsync(dir.get());
  }
  return outcome;
}

Result<std::array<std::uint8_t, PiiCipher::kKeyBytes>> readKeyFile(
    const std::filesystem::path& file) {
  const FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) return keyFileError(file, std::string("cannot open: ") + std::strerror(errno));
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    return keyFileError(file, std::string("cannot stat: ") + std::strerror(errno));
  }
  if (!S_ISREG(info.st_mode)) return keyFileError(file, "not a regular file");
  if (info.st_uid != ::geteuid()) {
    return keyFileError(file, "owned by uid " + std::to_string(info.st_uid) +
                                  ", not by this process's user; refusing it");
  }
  if ((info.st_mode & 077) != 0) {
    return keyFileError(file, "mode " + octalMode(info.st_mode) +
                                  " lets group or others access it; run chmod 600 on it");
  }
  if (info.st_size != static_cast<off_t>(PiiCipher::kKeyBytes)) {
    return keyFileError(file, "has " + std::to_string(info.st_size) + " bytes, expected " +
                                  std::to_string(PiiCipher::kKeyBytes) +
                                  " (damaged, or not a key file)");
  }
  std::array<std::uint8_t, PiiCipher::kKeyBytes> key{};
  const ssize_t got = ::read(fd.get(), key.data(), key.size());
  if (got != static_cast<ssize_t>(key.size())) {
    return keyFileError(file, std::string("cannot read: ") + std::strerror(errno));
  }
  return key;
}

std::string toHex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    hex.push_back(kDigits[bytes[i] >> 4]);
    hex.push_back(kDigits[bytes[i] & 0x0F]);
  }
  return hex;
}

bool fitsInt(std::size_t size) {
  return size <= static_cast<std::size_t>(std::numeric_limits<int>::max() - 64);
}

}  // namespace

Result<std::shared_ptr<PiiCipher>> PiiCipher::openKeyFile(const std::filesystem::path& file) {
  if (file.empty()) return Error(Reason::ValidationFailed, "PII key file name is empty");
  std::error_code error;
  const auto status = std::filesystem::symlink_status(file, error);
  if (status.type() == std::filesystem::file_type::not_found) {
    if (auto created = createKeyFile(file); !created) return created.error();
  }
  auto key = readKeyFile(file);
  if (!key) return key.error();
  auto cipher = fromKey(*key);
  OPENSSL_cleanse(key->data(), key->size());
  return cipher;
}

std::shared_ptr<PiiCipher> PiiCipher::fromKey(std::span<const std::uint8_t, kKeyBytes> key) {
  return std::shared_ptr<PiiCipher>(new PiiCipher(key));
}

PiiCipher::PiiCipher(std::span<const std::uint8_t, kKeyBytes> key)
    : encryptionKey_(deriveSubkey(key, kEncryptionKeyLabel)),
      indexKey_(deriveSubkey(key, kIndexKeyLabel)) {}

PiiCipher::~PiiCipher() {
  OPENSSL_cleanse(encryptionKey_.data(), encryptionKey_.size());
  OPENSSL_cleanse(indexKey_.data(), indexKey_.size());
}

Result<std::vector<std::uint8_t>> PiiCipher::encrypt(std::string_view plaintext,
                                                     std::string_view aad) const {
  if (!fitsInt(plaintext.size()) || !fitsInt(aad.size())) {
    return Error(Reason::ValidationFailed, "PII value too large to encrypt");
  }
  std::vector<std::uint8_t> sealed(kOverheadBytes + plaintext.size());
  sealed[0] = kFormatVersion;
  std::uint8_t* nonce = sealed.data() + 1;
  std::uint8_t* body = nonce + kNonceBytes;
  std::uint8_t* tag = body + plaintext.size();
  if (RAND_bytes(nonce, static_cast<int>(kNonceBytes)) != 1) {
    return Error(Reason::Internal, "OpenSSL: RAND_bytes failed for a nonce");
  }
  const CipherContext context(EVP_CIPHER_CTX_new());
  int length = 0;
  const bool ok = context &&
                  EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr,
                                     encryptionKey_.data(), nonce) == 1 &&
                  EVP_EncryptUpdate(context.get(), nullptr, &length,
                                    reinterpret_cast<const unsigned char*>(aad.data()),
                                    static_cast<int>(aad.size())) == 1 &&
                  EVP_EncryptUpdate(context.get(), body, &length,
                                    reinterpret_cast<const unsigned char*>(plaintext.data()),
                                    static_cast<int>(plaintext.size())) == 1 &&
                  EVP_EncryptFinal_ex(context.get(), body + length, &length) == 1 &&
                  EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG,
                                      static_cast<int>(kTagBytes), tag) == 1;
  if (!ok) return Error(Reason::Internal, "OpenSSL: AES-256-GCM encryption failed");
  return sealed;
}

Result<std::string> PiiCipher::decrypt(std::span<const std::uint8_t> sealed,
                                       std::string_view aad) const {
  if (sealed.size() < kOverheadBytes) {
    return Error(Reason::StorageFailed,
                 "PII value is truncated (" + std::to_string(sealed.size()) + " bytes)");
  }
  if (sealed[0] != kFormatVersion) {
    return Error(Reason::StorageFailed,
                 "PII value has unknown format version " + std::to_string(sealed[0]));
  }
  if (!fitsInt(sealed.size()) || !fitsInt(aad.size())) {
    return Error(Reason::StorageFailed, "PII value too large to decrypt");
  }
  const std::uint8_t* nonce = sealed.data() + 1;
  const std::uint8_t* body = nonce + kNonceBytes;
  const std::size_t bodySize = sealed.size() - kOverheadBytes;
  // OpenSSL's API takes the expected tag through a non-const pointer; it only reads it.
  std::array<std::uint8_t, kTagBytes> tag{};
  std::memcpy(tag.data(), body + bodySize, kTagBytes);

  std::string plaintext(bodySize, '\0');
  const CipherContext context(EVP_CIPHER_CTX_new());
  int length = 0;
  const bool ok =
      context &&
      EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, encryptionKey_.data(), nonce) ==
          1 &&
      EVP_DecryptUpdate(context.get(), nullptr, &length,
                        reinterpret_cast<const unsigned char*>(aad.data()),
                        static_cast<int>(aad.size())) == 1 &&
      EVP_DecryptUpdate(context.get(), reinterpret_cast<unsigned char*>(plaintext.data()), &length,
                        body, static_cast<int>(bodySize)) == 1 &&
      EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kTagBytes),
                          tag.data()) == 1 &&
      EVP_DecryptFinal_ex(
          context.get(), reinterpret_cast<unsigned char*>(plaintext.data()) + length, &length) == 1;
  if (!ok) {
    OPENSSL_cleanse(plaintext.data(), plaintext.size());
    return Error(Reason::StorageFailed,
                 "PII value failed authentication (altered, moved from another row, or sealed "
                 "under another key)");
  }
  return plaintext;
}

std::string PiiCipher::blindIndex(std::string_view value) const {
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int size = 0;
  if (HMAC(EVP_sha256(), indexKey_.data(), static_cast<int>(indexKey_.size()),
           reinterpret_cast<const unsigned char*>(value.data()), value.size(), mac.data(),
           &size) == nullptr) {
    throw std::runtime_error("OpenSSL: HMAC-SHA256 failed");
  }
  return toHex(mac.data(), size);
}

}  // namespace onestop::store
