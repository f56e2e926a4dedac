#pragma once
// The evidence bundle of a card read (design.md §3): everything the web app's server needs to
// re-check the verdict without trusting the counter PC — EF.SOD, the data groups as read, and
// the chip's Active Authentication signature over SHA-256(challenge ‖ origin).
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/workflows/card_read.hpp"

namespace onestop::workflows {

inline constexpr std::string_view kEvidenceFormat = "onestop-evidence/1";

struct Evidence {
  std::string readAt;  // RFC 3339 UTC
  std::string challenge;
  std::string origin;
  std::string authentication;  // "PACE" or "BAC"
  emrtd::Bytes sod;
  std::map<int, emrtd::Bytes> dataGroups;      // number -> whole file as read
  emrtd::Bytes activeAuthenticationChallenge;  // 8 bytes the chip signed, or empty
  emrtd::Bytes activeAuthenticationSignature;  // empty when AA was not performed
  // "passed" | "failed" | "notPerformed": Chip Authentication proves the chip to the reading PC
  // only (its keys are the PC's), so a server can take it as the PC's claim, never re-check it.
  std::string chipAuthentication = "notPerformed";
};

Evidence evidenceFromRead(const CardReadOutput& read);

// {"format", "readAt", "challenge", "origin", "binding" (hex SHA-256), "authentication",
//  "sod" (base64), "dataGroups": {"1": base64 …}, "activeAuthentication": {"challenge" (hex),
//  "signature" (base64)}, "chipAuthentication": {"result", "transferable": false}}.
nlohmann::json evidenceToJson(const Evidence& evidence);

// Strict: the format must match, binaries must be valid base64 within size limits, data-group
// numbers 1–16. Anything else is Reason::ValidationFailed naming the member ("evidence.sod: …").
Result<Evidence> evidenceFromJson(const nlohmann::json& json);

}  // namespace onestop::workflows
