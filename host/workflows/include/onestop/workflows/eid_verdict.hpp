#pragma once
// The eID verdict (design.md §3): {genuine, notRevoked, valid, consistent, bound, online} with
// one named check per question asked and a machine-readable reason for each that failed. The
// daemon (eid.verify, right after a read) and the offline re-check (evidence.verify,
// onestop-verify on the web app's server) run this same code on the same evidence bundle.
#include <ctime>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "onestop/cccd/calendar_date.hpp"
#include "onestop/cccd/qr_payload.hpp"
#include "onestop/emrtd/passive_auth.hpp"
#include "onestop/emrtd/trust_store.hpp"
#include "onestop/workflows/card_contents.hpp"
#include "onestop/workflows/evidence.hpp"
#include "onestop/workflows/online_verifier.hpp"

namespace onestop::workflows {

struct VerdictCheck {
  std::string name;   // "passiveAuthentication.signature"
  std::string group;  // "genuine" | "notRevoked" | "valid" | "consistent" | "bound" | "online"
  bool passed = false;
  std::string reason;  // when failed: "HASH_MISMATCH" …
  std::string detail;  // English, never citizen data
};

struct EidVerdict {
  bool genuine = false;     // EF.SOD signed by a trusted DS, hashes match, chip authenticated
  bool notRevoked = false;  // DS not on the CSCA's CRL (and the online check, when configured)
  bool valid = false;       // MRZ and DG13 well-formed, card not expired, ID number sound
  bool consistent = false;  // MRZ agrees with DG13, and the QR code with the chip when given
  bool bound = false;       // AA signed SHA-256(challenge ‖ origin) (and matches expectations)
  std::optional<OnlineStatus> online;  // none when no online verifier is configured
  std::vector<VerdictCheck> checks;

  [[nodiscard]] std::vector<std::string> failedReasons() const;
};

struct VerifyOptions {
  const emrtd::TrustStore* trust = nullptr;      // required
  std::optional<std::time_t> certificateTime;    // verify certificates then (default: now)
  cccd::Date today{};                            // for the card's expiry
  std::optional<std::string> expectedChallenge;  // the server's own nonce
  std::optional<std::string> expectedOrigin;
  const cccd::QrPayload* qr = nullptr;  // printed QR data to compare with the chip
  OnlineVerifier* online = nullptr;
  // True only where Chip Authentication was run by this process (the daemon after its own
  // read); an offline re-check cannot verify it and takes a "failed" claim only.
  bool chipAuthenticationWitnessed = false;
  // Passive authentication this process already ran on exactly these files (the card read's
  // own), so a read is not verified twice; none: run it here.
  const emrtd::PassiveAuthVerdict* passiveAuthentication = nullptr;
};

EidVerdict verifyEvidence(const Evidence& evidence, const CardContents& contents,
                          const VerifyOptions& options);

// {"genuine", "notRevoked", "valid", "consistent", "bound", "online", "failures": [reasons],
//  "checks": [{"name", "group", "passed", "reason", "detail", "message": {"vi", "en"}}]}.
nlohmann::json verdictToJson(const EidVerdict& verdict);

}  // namespace onestop::workflows
