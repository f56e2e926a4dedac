#include "case_rows.hpp"

#include <openssl/crypto.h>

#include <algorithm>

namespace onestop::store::case_rows {

std::string formAad(std::string_view caseId) {
  return "cases.form:" + std::string(caseId);
}

std::string cardAad(std::string_view caseId) {
  return "cases.card:" + std::string(caseId);
}

std::string receiptAad(std::string_view caseId) {
  return "receipts.data:" + std::string(caseId);
}

Result<std::vector<std::uint8_t>> sealJson(const PiiCipher& cipher, const nlohmann::json& value,
                                           std::string_view aad, std::string_view what) {
  std::string text;
  try {
    text = value.dump();
  } catch (const nlohmann::json::exception&) {
    return Error(Reason::ValidationFailed, std::string(what) + " holds text that is not UTF-8");
  }
  if (text.size() > CaseStore::kMaxSealedJsonBytes) {
    OPENSSL_cleanse(text.data(), text.size());
    return Error(Reason::ValidationFailed, std::string(what) + " is over " +
                                               std::to_string(CaseStore::kMaxSealedJsonBytes) +
                                               " bytes");
  }
  auto sealed = cipher.encrypt(text, aad);
  // The serialised citizen data should not linger in freed heap memory.
  OPENSSL_cleanse(text.data(), text.size());
  return sealed;
}

Result<nlohmann::json> openJson(const PiiCipher& cipher, std::span<const std::uint8_t> sealed,
                                std::string_view aad) {
  auto text = cipher.decrypt(sealed, aad);
  if (!text) return text.error();
  auto value = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  OPENSSL_cleanse(text->data(), text->size());
  if (value.is_discarded()) {
    return Error(Reason::StorageFailed, "sealed column " + std::string(aad) + " is not JSON");
  }
  return value;
}

bool isIdentifier(std::string_view text, std::size_t maxBytes) {
  if (text.empty() || text.size() > maxBytes) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == ':' || c == '-';
  });
}

bool isPrintableText(std::string_view text, std::size_t maxBytes) {
  if (text.empty() || text.size() > maxBytes) return false;
  return std::none_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7F;
  });
}

Result<void> checkNewCase(const NewCase& newCase) {
  if (!isIdentifier(newCase.procedure, 64)) {
    return Error(Reason::ValidationFailed, "case: procedure must match [A-Za-z0-9_.:-]{1,64}");
  }
  const bool versionOk =
      !newCase.procedureVersion.empty() && newCase.procedureVersion.size() <= 32 &&
      std::all_of(newCase.procedureVersion.begin(), newCase.procedureVersion.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '.' || c == '+' || c == '-';
      });
  if (!versionOk) {
    return Error(Reason::ValidationFailed,
                 "case: procedureVersion must match [A-Za-z0-9_.+-]{1,32}");
  }
  if (!isPrintableText(newCase.operatorId, 256)) {
    return Error(Reason::ValidationFailed,
                 "case: operatorId must be 1 to 256 bytes without control characters");
  }
  return {};
}

Result<std::string> attachmentsText(const nlohmann::json& attachments) {
  if (!attachments.is_array() ||
      !std::all_of(attachments.begin(), attachments.end(),
                   [](const nlohmann::json& item) { return item.is_object(); })) {
    return Error(Reason::ValidationFailed, "case: attachments must be an array of objects");
  }
  std::string text;
  try {
    text = attachments.dump();
  } catch (const nlohmann::json::exception&) {
    return Error(Reason::ValidationFailed, "case: attachments hold text that is not UTF-8");
  }
  if (text.size() > CaseStore::kMaxAttachmentsBytes) {
    return Error(
        Reason::ValidationFailed,
        "case: attachments are over " + std::to_string(CaseStore::kMaxAttachmentsBytes) + " bytes");
  }
  return text;
}

std::optional<std::string_view> receiptNumberSuffix(std::string_view kind) {
  if (kind == "CT04") return "PTN";
  if (kind == "CT05") return "HD";
  if (kind == "CT06") return "TC";
  return std::nullopt;
}

std::optional<CaseStatus> statusAfterReceipt(std::string_view kind) {
  if (kind == "CT04") return CaseStatus::Submitted;
  if (kind == "CT05") return CaseStatus::Returned;
  if (kind == "CT06") return CaseStatus::Refused;
  return std::nullopt;
}

namespace {

Result<std::optional<Receipt>> readReceipt(const Connection& connection, const PiiCipher& cipher,
                                           const std::string& id) {
  auto statement = connection.prepare(
      "SELECT kind, number, file_code, issued_at, due_date, data FROM receipts"
      " WHERE case_id = ?1");
  if (!statement) return statement.error();
  statement->bind(1, id);
  auto row = statement->step();
  if (!row) return row.error();
  if (!*row) return std::optional<Receipt>();
  Receipt receipt;
  receipt.kind = statement->text(0);
  receipt.number = statement->text(1);
  receipt.fileCode = statement->text(2);
  receipt.issuedAt = statement->text(3);
  receipt.dueDate = statement->text(4);
  auto data = openJson(cipher, statement->blob(5), receiptAad(id));
  if (!data) return data.error();
  receipt.data = std::move(*data);
  return std::optional<Receipt>(std::move(receipt));
}

}  // namespace

Result<CaseRecord> readCase(const Connection& connection, const PiiCipher& cipher,
                            const std::string& id) {
  auto statement = connection.prepare(
      "SELECT id, procedure, procedure_version, status, revision, form, card, attachments,"
      " operator, created_at, updated_at FROM cases WHERE id = ?1");
  if (!statement) return statement.error();
  statement->bind(1, id);
  auto row = statement->step();
  if (!row) return row.error();
  if (!*row) return Error(Reason::CaseNotFound, "case not found");
  CaseRecord record;
  record.id = statement->text(0);
  record.procedure = statement->text(1);
  record.procedureVersion = statement->text(2);
  const auto status = caseStatusFromName(statement->text(3));
  if (!status) return Error(Reason::StorageFailed, "case row has an unknown status");
  record.status = *status;
  record.revision = statement->integer(4);
  auto form = openJson(cipher, statement->blob(5), formAad(record.id));
  if (!form) return form.error();
  record.form = std::move(*form);
  if (!statement->isNull(6)) {
    auto card = openJson(cipher, statement->blob(6), cardAad(record.id));
    if (!card) return card.error();
    record.card = std::move(*card);
  }
  auto attachments = nlohmann::json::parse(statement->text(7), nullptr, false);
  if (attachments.is_discarded()) {
    return Error(Reason::StorageFailed, "case row has attachments that are not JSON");
  }
  record.attachments = std::move(attachments);
  record.operatorId = statement->text(8);
  record.createdAt = statement->text(9);
  record.updatedAt = statement->text(10);
  auto receipt = readReceipt(connection, cipher, record.id);
  if (!receipt) return receipt.error();
  record.receipt = std::move(*receipt);
  return record;
}

}  // namespace onestop::store::case_rows
