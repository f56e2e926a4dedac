#pragma once
// Shared by card.* and eid.*: the access-key params, today's date, the audit record of a read.
#include <optional>
#include <string>
#include <vector>

#include "onestop/api/json.hpp"
#include "onestop/cccd/access_key.hpp"
#include "onestop/cccd/calendar_date.hpp"
#include "onestop/cccd/qr_payload.hpp"
#include "onestop/common/result.hpp"
#include "onestop/store/audit_record.hpp"

namespace onestop::api {

class Session;

struct KeyParams {
  cccd::AccessKeyInputs inputs;
  std::optional<cccd::QrPayload> qr;  // when the key came with the printed QR text
};

// The JSON Schema of `key` ({can, mrz, idNumber, dateOfBirth, dateOfExpiry, dateOfIssue,
// noExpiry, qr}) and its reading; bad values are ValidationFailed naming the member.
Json keyParamsSchema();
Result<KeyParams> readKeyParams(const Json& key);

cccd::Date today();

store::AuditRecord auditRecord(const Session& session, std::string method, std::string subject,
                               std::vector<std::string> fields, std::string outcome,
                               std::string detail = {});

}  // namespace onestop::api
