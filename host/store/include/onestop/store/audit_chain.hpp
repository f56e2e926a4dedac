#pragma once

#include <string>
#include <string_view>

#include "onestop/store/audit_record.hpp"

namespace onestop::store {

// The previousHash of the first entry.
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The bytes an entry's hash covers, unambiguous by construction so that no two different entries
// encode alike. Every item is a length-prefixed string: an 8-byte big-endian byte count, then the
// bytes. In order: the tag "onestop.audit.v1", sequence (decimal), time, actor, session, method,
// subject, the number of fields (decimal), each field, outcome, detail, previousHash.
// `hash` itself is not covered. An external verifier can rebuild the chain from an export.
std::string canonicalAuditEncoding(const AuditEntry& entry);

// Lowercase hex SHA-256 of canonicalAuditEncoding(entry).
std::string auditEntryHash(const AuditEntry& entry);

}  // namespace onestop::store
