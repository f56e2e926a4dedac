#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/store/case_store.hpp"
#include "onestop/store/connection.hpp"
#include "onestop/store/pii_cipher.hpp"

// How a case and its receipt map to rows: sealing and opening the PII columns, checking what
// callers put in the plain ones, and reading a full record back.
namespace onestop::store::case_rows {

// The aad of each sealed column binds it to its table, column and case id.
std::string formAad(std::string_view caseId);
std::string cardAad(std::string_view caseId);
std::string receiptAad(std::string_view caseId);

// JSON text → sealed bytes. ValidationFailed when not serialisable as UTF-8 or over the cap.
// The plaintext is wiped from memory after sealing.
Result<std::vector<std::uint8_t>> sealJson(const PiiCipher& cipher, const nlohmann::json& value,
                                           std::string_view aad, std::string_view what);
// Sealed bytes → JSON. StorageFailed when tampered, moved or not JSON.
Result<nlohmann::json> openJson(const PiiCipher& cipher, std::span<const std::uint8_t> sealed,
                                std::string_view aad);

// [A-Za-z0-9_.:-]{1,max}
bool isIdentifier(std::string_view text, std::size_t maxBytes);
// UTF-8-agnostic: no control characters, 1..maxBytes.
bool isPrintableText(std::string_view text, std::size_t maxBytes);
Result<void> checkNewCase(const NewCase& newCase);
// An array of objects, serialised within the cap; returns its text.
Result<std::string> attachmentsText(const nlohmann::json& attachments);
// "CT04" → "PTN", "CT05" → "HD", "CT06" → "TC"; nullopt for another kind.
std::optional<std::string_view> receiptNumberSuffix(std::string_view kind);
std::optional<CaseStatus> statusAfterReceipt(std::string_view kind);

// The whole record (receipt included), decrypted. CaseNotFound when there is no such case.
Result<CaseRecord> readCase(const Connection& connection, const PiiCipher& cipher,
                            const std::string& id);

}  // namespace onestop::store::case_rows
