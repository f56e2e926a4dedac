#include "onestop/store/audit_chain.hpp"

#include <openssl/evp.h>

#include <array>
#include <cstdint>
#include <stdexcept>

namespace onestop::store {

namespace {

void appendItem(std::string& out, std::string_view item) {
  const auto size = static_cast<std::uint64_t>(item.size());
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((size >> shift) & 0xFFu));
  }
  out.append(item);
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

}  // namespace

std::string canonicalAuditEncoding(const AuditEntry& entry) {
  std::string out;
  appendItem(out, "onestop.audit.v1");
  appendItem(out, std::to_string(entry.sequence));
  appendItem(out, entry.time);
  appendItem(out, entry.actor);
  appendItem(out, entry.session);
  appendItem(out, entry.method);
  appendItem(out, entry.subject);
  appendItem(out, std::to_string(entry.fields.size()));
  for (const std::string& field : entry.fields) appendItem(out, field);
  appendItem(out, entry.outcome);
  appendItem(out, entry.detail);
  appendItem(out, entry.previousHash);
  return out;
}

std::string auditEntryHash(const AuditEntry& entry) {
  const std::string encoding = canonicalAuditEncoding(entry);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(encoding.data(), encoding.size(), digest.data(), &size, EVP_sha256(), nullptr) !=
      1) {
    // SHA-256 is built into every OpenSSL 3 provider set; failing here means a broken library.
    throw std::runtime_error("OpenSSL SHA-256 failed");
  }
  return toHex(digest.data(), size);
}

}  // namespace onestop::store
