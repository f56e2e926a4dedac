#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/store/database.hpp"
#include "onestop/store/pii_cipher.hpp"

namespace onestop::store {

// Where a case stands. Only a draft can change; a submitted, returned or refused case is final
// (a correction is a new case).
enum class CaseStatus { Draft, Submitted, Returned, Refused };
// "draft", "submitted", "returned", "refused"
std::string_view caseStatusName(CaseStatus status);
std::optional<CaseStatus> caseStatusFromName(std::string_view name);

// Every member of these structs has a default initializer, so designated initializers may leave
// any out.
struct NewCase {
  std::string procedure{};         // "thuong-tru": [A-Za-z0-9_.:-]{1,64}
  std::string procedureVersion{};  // "1.0.0": [A-Za-z0-9_.+-]{1,32}
  std::string operatorId{};        // the actor: Origin or "token" (not PII), 1..256 bytes
  nlohmann::json form{};           // PII → encrypted column
  nlohmann::json card{};           // normalised card record used for prefill, or null → encrypted
  std::string citizenIdNumber{};   // "" when unknown → stored only as its blind index
};

// An intake receipt: CT04 (accepted, "phiếu tiếp nhận"), CT05 (to complete, "phiếu hướng dẫn"),
// CT06 (refused, "phiếu từ chối").
struct Receipt {
  std::string kind{};      // "CT04" | "CT05" | "CT06"
  std::string number{};    // "<n>/PTN" CT04, "<n>/HD" CT05, "<n>/TC" CT06; n from 1 per kind and
                           // local calendar year
  std::string fileCode{};  // "<unitCode>-<yyyymmdd>-<6 digits>", unique; a per-day sequence
  std::string issuedAt{};  // RFC 3339 UTC with milliseconds
  std::string dueDate{};   // "yyyy-mm-dd" or "" (CT05/CT06)
  nlohmann::json data{};   // the receipt's form data (PII → encrypted)
};

struct CaseRecord {
  std::string id{};  // "HS-<yyyymmdd>-<6 digits>" (local day of creation), unique
  std::string procedure{}, procedureVersion{};
  CaseStatus status = CaseStatus::Draft;
  std::int64_t revision = 1;      // +1 per update (optimistic concurrency)
  nlohmann::json form{}, card{};  // decrypted
  // [{document, blob, pages, mime}] (not PII; a plain JSON column)
  nlohmann::json attachments = nlohmann::json::array();
  std::string operatorId{}, createdAt{}, updatedAt{};  // RFC 3339 UTC with milliseconds
  std::optional<Receipt> receipt{};
};

struct CaseSummary {
  std::string id{}, procedure{}, status{}, operatorId{}, createdAt{}, updatedAt{};
  std::optional<std::string> receiptKind{}, receiptNumber{};
};

struct CaseQuery {
  std::optional<std::string> procedure{};        // exact procedure id
  std::optional<std::string> status{};           // a caseStatusName
  std::optional<std::string> citizenIdNumber{};  // matched via the blind index
  // createdAt compared as text, like AuditLog::Query: since inclusive, until exclusive.
  std::optional<std::string> since{};
  std::optional<std::string> until{};
  std::size_t limit = 50;  // 1..kMaxListLimit
};

// The cases of the unit in the store's database, their citizen data sealed by a PiiCipher.
// Every change runs in one IMMEDIATE transaction, so several handles or processes on one file
// never interleave (receipt numbers stay distinct and gapless). Thread-safe.
class CaseStore {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  static constexpr std::size_t kMaxListLimit = 1000;
  static constexpr std::size_t kMaxSealedJsonBytes = 4 * 1024 * 1024;
  static constexpr std::size_t kMaxAttachmentsBytes = 64 * 1024;

  // unitCode: the office's code in file codes, [A-Za-z0-9]{1,16} (checked when used: an invalid
  // one makes submit fail with ValidationFailed). Clock: now() unless given (tests).
  CaseStore(std::shared_ptr<Database> database, std::shared_ptr<const PiiCipher> cipher,
            std::string unitCode = "00000", Clock clock = {});

  // ValidationFailed for a bad identifier, a form/card over the cap or not UTF-8.
  Result<CaseRecord> create(const NewCase& newCase);
  // CaseNotFound; InvalidState when not Draft; InvalidState with detail "revision" when
  // expectedRevision is given and differs. Any of the optionals left empty (and an empty
  // citizenIdNumber) keep the stored value; a card given as JSON null clears it.
  Result<CaseRecord> update(const std::string& id, std::optional<nlohmann::json> form,
                            std::optional<nlohmann::json> attachments,
                            std::optional<std::int64_t> expectedRevision = {},
                            std::optional<nlohmann::json> card = {},
                            std::string citizenIdNumber = {});
  Result<CaseRecord> get(const std::string& id) const;  // CaseNotFound
  // Newest first (createdAt, then id).
  Result<std::vector<CaseSummary>> list(const CaseQuery& query) const;
  // Draft → Submitted (CT04) | Returned (CT05) | Refused (CT06); allocates number + file code in
  // the same IMMEDIATE transaction. InvalidState when not Draft. receipt.kind decides the status;
  // number/fileCode/issuedAt are filled by the store (what the caller set is ignored).
  Result<CaseRecord> submit(const std::string& id, Receipt receipt);
  // Deletes cases (and their receipts) created before now - age; returns how many. Numbers are
  // never reused afterwards. The audit log and the statistics are never purged here.
  Result<std::size_t> purgeOlderThan(std::chrono::days age);

 private:
  std::chrono::system_clock::time_point now() const;

  std::shared_ptr<Database> database_;
  std::shared_ptr<const PiiCipher> cipher_;
  std::string unitCode_;
  Clock clock_;
};

}  // namespace onestop::store
