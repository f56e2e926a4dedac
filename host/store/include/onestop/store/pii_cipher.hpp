#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/common/result.hpp"

namespace onestop::store {

// Encryption of the columns that hold citizen data (PII), so a copied database file, backup or
// stray -wal file shows no names or ID numbers.
//
// One 32-byte main key lives in a file of its own (0600, created with random bytes on first use;
// a copy or backup of the database alone is useless without it). Two subkeys are
// derived from it with HKDF-SHA256 (distinct "info" labels): one for AES-256-GCM, one for the
// blind index, so the index's HMAC and the cipher never share a key.
//
// Sealed format: version byte 0x01 | 12-byte random nonce | ciphertext | 16-byte GCM tag. The
// caller's aad names the row and column ("cases.form:HS-20261123-000001"), so a ciphertext copied
// into another row or column fails authentication like a tampered one.
// Thread-safe: every call uses its own OpenSSL context; the keys are immutable.
class PiiCipher {
 public:
  static constexpr std::size_t kKeyBytes = 32;
  static constexpr std::size_t kNonceBytes = 12;
  static constexpr std::size_t kTagBytes = 16;
  static constexpr std::uint8_t kFormatVersion = 0x01;
  // Bytes a sealed value adds to its plaintext.
  static constexpr std::size_t kOverheadBytes = 1 + kNonceBytes + kTagBytes;

  // Creates the key file (0600, 32 bytes from RAND_bytes) when it does not exist, atomically so
  // two processes starting together end up with the same key. StorageFailed with a message naming
  // the file when it is not a regular file, belongs to another user, is readable or writable by
  // group or others, or is not exactly 32 bytes.
  static Result<std::shared_ptr<PiiCipher>> openKeyFile(const std::filesystem::path& file);
  // A cipher over a key the caller holds (tests, benchmarks).
  static std::shared_ptr<PiiCipher> fromKey(std::span<const std::uint8_t, kKeyBytes> key);

  PiiCipher(const PiiCipher&) = delete;
  PiiCipher& operator=(const PiiCipher&) = delete;
  ~PiiCipher();

  // Internal only if OpenSSL itself fails (no randomness, broken library).
  Result<std::vector<std::uint8_t>> encrypt(std::string_view plaintext, std::string_view aad) const;
  // StorageFailed when the value is truncated, of an unknown version, altered, sealed for another
  // aad or under another key (GCM cannot tell these apart, and need not).
  Result<std::string> decrypt(std::span<const std::uint8_t> sealed, std::string_view aad) const;
  // Lowercase hex HMAC-SHA256 of value under the index subkey: equal values give equal indexes,
  // so a case can be found by a citizen's ID number without that number being stored.
  std::string blindIndex(std::string_view value) const;

 private:
  explicit PiiCipher(std::span<const std::uint8_t, kKeyBytes> key);

  std::array<std::uint8_t, kKeyBytes> encryptionKey_{};
  std::array<std::uint8_t, kKeyBytes> indexKey_{};
};

}  // namespace onestop::store
