#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"

namespace onestop::store {

// What a caller reports about one access — who, how, what was touched, which fields were
// released and the result. Never a citizen's values: the caps below and the identifier rule for
// `fields` keep the audit log from becoming a copy of the data it audits.
// Every member has a default initializer, so designated initializers may leave any out.
struct AuditRecord {
  std::string actor{};                // the Origin ("https://counter.example") or "token" for CLI
  std::string session{};              // the session id; may be empty
  std::string method{};               // "card.read"
  std::string subject{};              // what was touched, e.g. "reader:simulator/reader-0"
  std::vector<std::string> fields{};  // names of the fields released: {"DG1", "DG2", "photo"}
  std::string outcome{};              // "OK" or a Reason name ("ACCESS_KEY_REJECTED")
  std::string detail{};               // free text without citizen data; may be empty

  bool operator==(const AuditRecord&) const = default;
};

// A stored record: its place in the chain, when it was written and the chain's hashes.
struct AuditEntry : AuditRecord {
  std::int64_t sequence = 0;   // 1, 2, 3 … without gaps
  std::string time{};          // RFC 3339 UTC with milliseconds: "2025-01-02T03:04:05.678Z"
  std::string previousHash{};  // hex SHA-256 of the entry before; 64 zeros for the first
  std::string hash{};          // hex SHA-256 of this entry's canonical encoding (audit_chain.hpp)

  bool operator==(const AuditEntry&) const = default;
};

// Caps, in bytes. Text must be UTF-8 without control characters.
inline constexpr std::size_t kMaxAuditActorBytes = 256;
inline constexpr std::size_t kMaxAuditSessionBytes = 128;
inline constexpr std::size_t kMaxAuditMethodBytes = 128;  // an identifier: [A-Za-z0-9_.:-]
inline constexpr std::size_t kMaxAuditSubjectBytes = 256;
inline constexpr std::size_t kMaxAuditOutcomeBytes = 64;  // "OK" or a reason name: [A-Z0-9_]
inline constexpr std::size_t kMaxAuditDetailBytes = 512;
inline constexpr std::size_t kMaxAuditFields = 64;
inline constexpr std::size_t kMaxAuditFieldBytes = 64;  // each an identifier: [A-Za-z0-9_.:-]

// Reason::ValidationFailed naming the offending member (never echoing its value) or ok.
Result<void> validateAuditRecord(const AuditRecord& record);

}  // namespace onestop::store
