#include "onestop/store/case_store.hpp"

#include <sqlite3.h>

#include <array>
#include <cstdio>
#include <utility>

#include "case_rows.hpp"
#include "counters.hpp"
#include "onestop/store/transaction.hpp"
#include "utc_time.hpp"

namespace onestop::store {

namespace {

constexpr std::array<std::pair<CaseStatus, std::string_view>, 4> kStatusNames{{
    {CaseStatus::Draft, "draft"},
    {CaseStatus::Submitted, "submitted"},
    {CaseStatus::Returned, "returned"},
    {CaseStatus::Refused, "refused"},
}};

// Six digits per day: more than a million cases in one day at one counter means a runaway client.
constexpr std::int64_t kMaxDailySequence = 999999;

std::string sixDigits(std::int64_t value) {
  char text[32];
  std::snprintf(text, sizeof text, "%06lld", static_cast<long long>(value));
  return text;
}

bool isUnitCode(std::string_view code) {
  if (code.empty() || code.size() > 16) return false;
  for (const char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      return false;
    }
  }
  return true;
}

Result<std::int64_t> nextDailyValue(const Connection& connection, const std::string& counter) {
  auto value = nextCounterValue(connection, counter);
  if (!value) return value.error();
  if (*value > kMaxDailySequence) {
    return Error(Reason::InvalidState, "daily sequence " + counter + " exhausted");
  }
  return value;
}

// A case that exists and is still a draft, read under the caller's write transaction.
Result<std::int64_t> draftRevision(const Connection& connection, const std::string& id) {
  auto statement = connection.prepare("SELECT status, revision FROM cases WHERE id = ?1");
  if (!statement) return statement.error();
  statement->bind(1, id);
  auto row = statement->step();
  if (!row) return row.error();
  if (!*row) return Error(Reason::CaseNotFound, "case not found");
  if (statement->text(0) != caseStatusName(CaseStatus::Draft)) {
    return Error(Reason::InvalidState, "case is " + statement->text(0) + ", not a draft");
  }
  return statement->integer(1);
}

Result<void> checkTimeBound(std::string_view name, const std::optional<std::string>& bound) {
  if (!bound) return {};
  if (bound->empty() || bound->size() > 40 ||
      bound->find_first_not_of("0123456789-T:.Z") != std::string::npos) {
    return Error(Reason::ValidationFailed,
                 "case query: " + std::string(name) + " is not an RFC 3339 UTC time");
  }
  return {};
}

// An ID number as typed or read: surrounding blanks do not make it another citizen.
std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace

std::string_view caseStatusName(CaseStatus status) {
  for (const auto& [value, name] : kStatusNames) {
    if (value == status) return name;
  }
  return "draft";
}

std::optional<CaseStatus> caseStatusFromName(std::string_view name) {
  for (const auto& [value, text] : kStatusNames) {
    if (text == name) return value;
  }
  return std::nullopt;
}

CaseStore::CaseStore(std::shared_ptr<Database> database, std::shared_ptr<const PiiCipher> cipher,
                     std::string unitCode, Clock clock)
    : database_(std::move(database)),
      cipher_(std::move(cipher)),
      unitCode_(std::move(unitCode)),
      clock_(std::move(clock)) {}

std::chrono::system_clock::time_point CaseStore::now() const {
  return clock_ ? clock_() : std::chrono::system_clock::now();
}

Result<CaseRecord> CaseStore::create(const NewCase& newCase) {
  if (auto valid = case_rows::checkNewCase(newCase); !valid) return valid.error();
  const auto time = now();
  const std::string stamp = formatUtcMillis(time);
  const std::string day = formatCompactDay(localDay(time));
  const std::string citizenId = trimmed(newCase.citizenIdNumber);

  const Connection connection = database_->connect();
  auto transaction = Transaction::begin(connection, Transaction::Mode::Immediate);
  if (!transaction) return transaction.error();
  auto sequence = nextDailyValue(connection, "case:" + day);
  if (!sequence) return sequence.error();

  CaseRecord record;
  record.id = "HS-" + day + "-" + sixDigits(*sequence);
  // Sealing needs the id (it is in the aad), so it happens inside the transaction.
  auto form = case_rows::sealJson(*cipher_, newCase.form, case_rows::formAad(record.id), "form");
  if (!form) return form.error();
  std::optional<std::vector<std::uint8_t>> card;
  if (!newCase.card.is_null()) {
    auto sealed =
        case_rows::sealJson(*cipher_, newCase.card, case_rows::cardAad(record.id), "card");
    if (!sealed) return sealed.error();
    card = std::move(*sealed);
  }

  auto insert = connection.prepare(
      "INSERT INTO cases (id, procedure, procedure_version, status, revision, form, card,"
      " citizen_index, attachments, operator, created_at, updated_at)"
      " VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, '[]', ?8, ?9, ?9)");
  if (!insert) return insert.error();
  insert->bind(1, record.id)
      .bind(2, newCase.procedure)
      .bind(3, newCase.procedureVersion)
      .bind(4, caseStatusName(CaseStatus::Draft))
      .bindBlob(5, *form)
      .bind(8, newCase.operatorId)
      .bind(9, stamp);
  if (card) {
    insert->bindBlob(6, *card);
  } else {
    insert->bindNull(6);
  }
  if (citizenId.empty()) {
    insert->bindNull(7);
  } else {
    insert->bind(7, cipher_->blindIndex(citizenId));
  }
  if (auto inserted = insert->run(); !inserted) return inserted.error();
  if (auto committed = transaction->commit(); !committed) return committed.error();

  record.procedure = newCase.procedure;
  record.procedureVersion = newCase.procedureVersion;
  record.form = newCase.form;
  record.card = newCase.card;
  record.operatorId = newCase.operatorId;
  record.createdAt = stamp;
  record.updatedAt = stamp;
  return record;
}

Result<CaseRecord> CaseStore::update(const std::string& id, std::optional<nlohmann::json> form,
                                     std::optional<nlohmann::json> attachments,
                                     std::optional<std::int64_t> expectedRevision,
                                     std::optional<nlohmann::json> card,
                                     std::string citizenIdNumber) {
  std::optional<std::string> attachmentsJson;
  if (attachments) {
    auto text = case_rows::attachmentsText(*attachments);
    if (!text) return text.error();
    attachmentsJson = std::move(*text);
  }
  const std::string citizenId = trimmed(citizenIdNumber);
  const std::string stamp = formatUtcMillis(now());

  const Connection connection = database_->connect();
  auto transaction = Transaction::begin(connection, Transaction::Mode::Immediate);
  if (!transaction) return transaction.error();
  auto revision = draftRevision(connection, id);
  if (!revision) return revision.error();
  if (expectedRevision && *expectedRevision != *revision) {
    return Error(Reason::InvalidState, "revision");
  }

  // Fixed SQL fragments chosen by which values are given; every value is bound.
  std::string sql = "UPDATE cases SET revision = ?1, updated_at = ?2";
  std::optional<std::vector<std::uint8_t>> sealedForm;
  if (form) {
    auto sealed = case_rows::sealJson(*cipher_, *form, case_rows::formAad(id), "form");
    if (!sealed) return sealed.error();
    sealedForm = std::move(*sealed);
    sql += ", form = ?3";
  }
  std::optional<std::vector<std::uint8_t>> sealedCard;
  if (card) {
    if (!card->is_null()) {
      auto sealed = case_rows::sealJson(*cipher_, *card, case_rows::cardAad(id), "card");
      if (!sealed) return sealed.error();
      sealedCard = std::move(*sealed);
    }
    sql += ", card = ?4";
  }
  if (attachmentsJson) sql += ", attachments = ?5";
  if (!citizenId.empty()) sql += ", citizen_index = ?6";
  sql += " WHERE id = ?7";

  auto statement = connection.prepare(sql);
  if (!statement) return statement.error();
  statement->bind(1, *revision + 1).bind(2, stamp).bind(7, id);
  if (sealedForm) statement->bindBlob(3, *sealedForm);
  if (card) {
    if (sealedCard) {
      statement->bindBlob(4, *sealedCard);
    } else {
      statement->bindNull(4);
    }
  }
  if (attachmentsJson) statement->bind(5, *attachmentsJson);
  if (!citizenId.empty()) statement->bind(6, cipher_->blindIndex(citizenId));
  if (auto updated = statement->run(); !updated) return updated.error();

  auto record = case_rows::readCase(connection, *cipher_, id);
  if (!record) return record.error();
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return record;
}

Result<CaseRecord> CaseStore::get(const std::string& id) const {
  const Connection connection = database_->connect();
  // One snapshot for the case row and its receipt.
  auto transaction = Transaction::begin(connection, Transaction::Mode::Deferred);
  if (!transaction) return transaction.error();
  auto record = case_rows::readCase(connection, *cipher_, id);
  if (!record) return record.error();
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return record;
}

Result<std::vector<CaseSummary>> CaseStore::list(const CaseQuery& query) const {
  if (query.limit == 0 || query.limit > kMaxListLimit) {
    return Error(Reason::ValidationFailed,
                 "case query: limit must be 1 to " + std::to_string(kMaxListLimit));
  }
  if (query.status && !caseStatusFromName(*query.status)) {
    return Error(Reason::ValidationFailed, "case query: unknown status");
  }
  if (auto ok = checkTimeBound("since", query.since); !ok) return ok.error();
  if (auto ok = checkTimeBound("until", query.until); !ok) return ok.error();

  std::optional<std::string> citizenIndex;
  if (query.citizenIdNumber) {
    const std::string citizenId = trimmed(*query.citizenIdNumber);
    if (citizenId.empty()) {
      return Error(Reason::ValidationFailed, "case query: citizenIdNumber is empty");
    }
    citizenIndex = cipher_->blindIndex(citizenId);
  }

  std::string sql =
      "SELECT c.id, c.procedure, c.status, c.operator, c.created_at, c.updated_at, r.kind,"
      " r.number FROM cases AS c LEFT JOIN receipts AS r ON r.case_id = c.id WHERE 1";
  std::vector<std::string> values;
  const auto filter = [&](const std::optional<std::string>& value, std::string_view condition) {
    if (!value) return;
    values.push_back(*value);
    sql += " AND ";
    sql += condition;
    sql += " ?" + std::to_string(values.size());
  };
  filter(query.procedure, "c.procedure =");
  filter(query.status, "c.status =");
  filter(citizenIndex, "c.citizen_index =");
  filter(query.since, "c.created_at >=");
  filter(query.until, "c.created_at <");
  sql += " ORDER BY c.created_at DESC, c.id DESC LIMIT ?" + std::to_string(values.size() + 1);

  const Connection connection = database_->connect();
  auto statement = connection.prepare(sql);
  if (!statement) return statement.error();
  for (std::size_t i = 0; i < values.size(); ++i) {
    statement->bind(static_cast<int>(i + 1), values[i]);
  }
  statement->bind(static_cast<int>(values.size() + 1), static_cast<std::int64_t>(query.limit));
  std::vector<CaseSummary> summaries;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    CaseSummary summary{.id = statement->text(0),
                        .procedure = statement->text(1),
                        .status = statement->text(2),
                        .operatorId = statement->text(3),
                        .createdAt = statement->text(4),
                        .updatedAt = statement->text(5),
                        .receiptKind = {},
                        .receiptNumber = {}};
    if (!statement->isNull(6)) {
      summary.receiptKind = statement->text(6);
      summary.receiptNumber = statement->text(7);
    }
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

Result<CaseRecord> CaseStore::submit(const std::string& id, Receipt receipt) {
  const auto suffix = case_rows::receiptNumberSuffix(receipt.kind);
  const auto status = case_rows::statusAfterReceipt(receipt.kind);
  if (!suffix || !status) {
    return Error(Reason::ValidationFailed, "receipt: kind must be CT04, CT05 or CT06");
  }
  if (!receipt.dueDate.empty() && !isIsoDay(receipt.dueDate)) {
    return Error(Reason::ValidationFailed, "receipt: dueDate must be yyyy-mm-dd or empty");
  }
  if (!isUnitCode(unitCode_)) {
    return Error(Reason::ValidationFailed, "receipt: the unit code must match [A-Za-z0-9]{1,16}");
  }
  const auto time = now();
  const auto day = localDay(time);
  const int year = static_cast<int>(day.year());
  receipt.issuedAt = formatUtcMillis(time);

  const Connection connection = database_->connect();
  auto transaction = Transaction::begin(connection, Transaction::Mode::Immediate);
  if (!transaction) return transaction.error();
  auto revision = draftRevision(connection, id);
  if (!revision) return revision.error();
  auto sequence =
      nextCounterValue(connection, "receipt:" + receipt.kind + ":" + std::to_string(year));
  if (!sequence) return sequence.error();
  auto fileSequence = nextDailyValue(connection, "file:" + formatCompactDay(day));
  if (!fileSequence) return fileSequence.error();
  receipt.number = std::to_string(*sequence) + "/" + std::string(*suffix);
  receipt.fileCode = unitCode_ + "-" + formatCompactDay(day) + "-" + sixDigits(*fileSequence);
  auto data = case_rows::sealJson(*cipher_, receipt.data, case_rows::receiptAad(id), "receipt");
  if (!data) return data.error();

  auto insert = connection.prepare(
      "INSERT INTO receipts (case_id, kind, number, year, sequence, file_code, issued_at,"
      " due_date, data) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (!insert) return insert.error();
  insert->bind(1, id)
      .bind(2, receipt.kind)
      .bind(3, receipt.number)
      .bind(4, std::int64_t{year})
      .bind(5, *sequence)
      .bind(6, receipt.fileCode)
      .bind(7, receipt.issuedAt)
      .bind(8, receipt.dueDate)
      .bindBlob(9, *data);
  if (auto inserted = insert->run(); !inserted) return inserted.error();
  auto update = connection.prepare(
      "UPDATE cases SET status = ?1, revision = ?2, updated_at = ?3 WHERE id = ?4");
  if (!update) return update.error();
  update->bind(1, caseStatusName(*status))
      .bind(2, *revision + 1)
      .bind(3, receipt.issuedAt)
      .bind(4, id);
  if (auto updated = update->run(); !updated) return updated.error();

  auto record = case_rows::readCase(connection, *cipher_, id);
  if (!record) return record.error();
  if (auto committed = transaction->commit(); !committed) return committed.error();
  return record;
}

Result<std::size_t> CaseStore::purgeOlderThan(std::chrono::days age) {
  if (age.count() < 0) return Error(Reason::ValidationFailed, "purge: age must not be negative");
  const std::string cutoff = formatUtcMillis(now() - age);
  const Connection connection = database_->connect();
  // Deleted rows' bytes are overwritten rather than left in free pages (they are sealed anyway;
  // this also clears the ids, times and blind indexes).
  if (auto secure = connection.execute("PRAGMA secure_delete = ON"); !secure) {
    return secure.error();
  }
  std::size_t removed = 0;
  Result<void> outcome = [&]() -> Result<void> {
    auto transaction = Transaction::begin(connection, Transaction::Mode::Immediate);
    if (!transaction) return transaction.error();
    // Receipts go with their case (ON DELETE CASCADE).
    auto statement = connection.prepare("DELETE FROM cases WHERE created_at < ?1 RETURNING 1");
    if (!statement) return statement.error();
    statement->bind(1, cutoff);
    for (;;) {
      auto row = statement->step();
      if (!row) return row.error();
      if (!*row) break;
      ++removed;
    }
    return transaction->commit();
  }();
  (void)connection.execute("PRAGMA secure_delete = OFF");
  if (!outcome) return outcome.error();
  return removed;
}

}  // namespace onestop::store
