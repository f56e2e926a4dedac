#include "card_params.hpp"

#include <chrono>

#include "onestop/api/session.hpp"
#include "schema_helpers.hpp"

namespace onestop::api {
namespace s = schema;

Json keyParamsSchema() {
  return s::object(
      {{"can", s::withExamples(s::string("Card access number: 6 digits (the last 6 of the ID)"),
                               Json::array({"012345"}))},
       {"mrz", s::string("The three MRZ lines (90 characters, line breaks allowed)")},
       {"idNumber", s::string("12-digit personal ID number, typed")},
       {"dateOfBirth", s::string("dd/mm/yyyy, with idNumber")},
       {"dateOfExpiry", s::string("dd/mm/yyyy, with idNumber, when known")},
       {"dateOfIssue", s::string("dd/mm/yyyy, with idNumber: derives the expiry")},
       {"noExpiry", s::boolean()},
       {"qr", s::string("The text of the QR code printed on the card")}});
}

Result<KeyParams> readKeyParams(const Json& key) {
  KeyParams out;
  out.inputs.today = today();
  if (key.contains("can")) out.inputs.can = key["can"].get<std::string>();
  if (key.contains("mrz")) out.inputs.mrz = key["mrz"].get<std::string>();
  if (key.contains("idNumber")) {
    cccd::PersonalKeyData typed;
    typed.source = cccd::KeySource::TypedFields;
    typed.idNumber = key["idNumber"].get<std::string>();
    const auto date = [&](const char* name) -> Result<std::optional<cccd::Date>> {
      if (!key.contains(name)) return std::optional<cccd::Date>();
      auto parsed = cccd::parseSlashDate(key[name].get<std::string>());
      if (!parsed)
        return Error(Reason::ValidationFailed, std::string("key.") + name + ": dd/mm/yyyy");
      return std::optional<cccd::Date>(*parsed);
    };
    auto birth = date("dateOfBirth");
    if (!birth) return birth.error();
    auto expiry = date("dateOfExpiry");
    if (!expiry) return expiry.error();
    auto issue = date("dateOfIssue");
    if (!issue) return issue.error();
    typed.dateOfBirth = *birth;
    typed.dateOfExpiry = *expiry;
    typed.dateOfIssue = *issue;
    typed.noExpiry = key.value("noExpiry", false);
    out.inputs.personal.push_back(std::move(typed));
  }
  if (key.contains("qr")) {
    auto payload = cccd::parseCccdQr(key["qr"].get<std::string>());
    if (!payload) return payload.error();
    out.inputs.personal.push_back(cccd::keyDataFromQr(*payload));
    out.qr = std::move(payload).value();
  }
  return out;
}

cccd::Date today() {
  return cccd::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

store::AuditRecord auditRecord(const Session& session, std::string method, std::string subject,
                               std::vector<std::string> fields, std::string outcome,
                               std::string detail) {
  store::AuditRecord record;
  record.actor = session.origin().empty() ? std::string("token") : session.origin();
  record.session = std::to_string(session.id());
  record.method = std::move(method);
  record.subject = std::move(subject);
  record.fields = std::move(fields);
  record.outcome = std::move(outcome);
  record.detail = std::move(detail);
  return record;
}

}  // namespace onestop::api
