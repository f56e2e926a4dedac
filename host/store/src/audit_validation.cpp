#include <string>
#include <string_view>

#include "onestop/store/audit_record.hpp"

namespace onestop::store {

namespace {

bool isIdentifierChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == ':' || c == '-';
}

bool isIdentifier(std::string_view text, std::size_t maxBytes) {
  if (text.empty() || text.size() > maxBytes) return false;
  for (const char c : text) {
    if (!isIdentifierChar(c)) return false;
  }
  return true;
}

bool isOutcomeName(std::string_view text) {
  if (text.empty() || text.size() > kMaxAuditOutcomeBytes) return false;
  for (const char c : text) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

// Well-formed UTF-8 (shortest form, no surrogates) without C0/C1 control characters or DEL:
// the log is read by people and exported as JSON, so no line breaks or escapes can be smuggled.
bool isPrintableUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t codePoint = 0;
    if (lead < 0x80) {
      length = 1;
      codePoint = lead;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      codePoint = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      codePoint = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      codePoint = lead & 0x07u;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0u) != 0x80u) return false;
      codePoint = (codePoint << 6) | (next & 0x3Fu);
    }
    const bool overlong =
        (length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000);
    const bool surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
    const bool control = codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F);
    if (overlong || surrogate || control || codePoint > 0x10FFFF) return false;
    i += length;
  }
  return true;
}

Error invalid(std::string_view what) {
  return Error(Reason::ValidationFailed, "audit record: " + std::string(what));
}

Result<void> checkText(std::string_view name, std::string_view text, std::size_t maxBytes,
                       bool required) {
  if (required && text.empty()) return invalid(std::string(name) + " is empty");
  if (text.size() > maxBytes) {
    return invalid(std::string(name) + " is longer than " + std::to_string(maxBytes) + " bytes");
  }
  if (!isPrintableUtf8(text)) {
    return invalid(std::string(name) + " is not UTF-8 text without control characters");
  }
  return {};
}

}  // namespace

Result<void> validateAuditRecord(const AuditRecord& record) {
  if (auto ok = checkText("actor", record.actor, kMaxAuditActorBytes, true); !ok) return ok;
  if (auto ok = checkText("session", record.session, kMaxAuditSessionBytes, false); !ok) return ok;
  if (!isIdentifier(record.method, kMaxAuditMethodBytes)) {
    return invalid("method is not an identifier of at most " +
                   std::to_string(kMaxAuditMethodBytes) + " bytes");
  }
  if (auto ok = checkText("subject", record.subject, kMaxAuditSubjectBytes, false); !ok) return ok;
  if (record.fields.size() > kMaxAuditFields) {
    return invalid("more than " + std::to_string(kMaxAuditFields) + " fields");
  }
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    if (!isIdentifier(record.fields[i], kMaxAuditFieldBytes)) {
      return invalid("field #" + std::to_string(i) + " is not an identifier of at most " +
                     std::to_string(kMaxAuditFieldBytes) + " bytes");
    }
  }
  if (!isOutcomeName(record.outcome)) {
    return invalid("outcome is not \"OK\" or a reason name");
  }
  return checkText("detail", record.detail, kMaxAuditDetailBytes, false);
}

}  // namespace onestop::store
