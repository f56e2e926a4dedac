#pragma once

#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/document_signer_check.hpp"
#include "onestop/emrtd/trust_store.hpp"

namespace onestop::emrtd {

enum class HashCheck {
  Ok,        // the data group's hash matches EF.SOD
  Mismatch,  // it does not (or could not be computed): the data was changed
  Missing,   // EF.SOD lists the data group but it was not read (e.g. DG3): not a failure
};

// The outcome of passive authentication (ICAO 9303-11 §5.1): always a verdict, never a crash,
// whatever the input. Each failed check adds one English sentence to `failures`.
struct PassiveAuthVerdict {
  bool sodParsed = false;       // EF.SOD is well-formed CMS SignedData over an LDSSecurityObject
  bool signatureValid = false;  // the DS signature (and signed messageDigest) verify
  bool chainValid = false;      // the DS certificate chains to a trusted CSCA
  bool certificateExpired = false;  // the chain failed (also) because a certificate is out of date
  bool notRevoked = false;          // revocation is Good or NotChecked
  RevocationStatus revocation = RevocationStatus::NotChecked;
  std::string hashAlgorithm;  // OpenSSL name of the data-group hash ("SHA256")
  std::map<int, HashCheck> dataGroupHashes;
  std::vector<int> unlistedDataGroups;  // supplied but not covered by EF.SOD (a failure)
  Bytes dsCertificate;                  // DER; empty when EF.SOD carries none
  std::vector<std::string> failures;

  // Everything checked passed: signature, chain, not revoked, no mismatch, nothing unlisted.
  [[nodiscard]] bool passed() const;
};

struct PassiveAuthOptions {
  // Verify the certificates at this time instead of now (tests; re-checking old evidence).
  std::optional<std::time_t> verificationTime;
};

// EF.SOD as read from the card (tag 77 around a CMS ContentInfo), the data groups read (number
// -> whole file), and the CSCAs and CRLs to trust. Mirrors
//   openssl cms -verify -inform DER -binary -purpose any -CAfile csca.pem [-crl_check]
// plus the data-group hash comparison.
PassiveAuthVerdict verifyPassiveAuthentication(ByteView efSod,
                                               const std::map<int, Bytes>& dataGroups,
                                               const TrustStore& trust,
                                               const PassiveAuthOptions& options = {});

}  // namespace onestop::emrtd
