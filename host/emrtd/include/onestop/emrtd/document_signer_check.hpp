#pragma once

#include <openssl/types.h>

#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "onestop/emrtd/trust_store.hpp"

namespace onestop::emrtd {

enum class RevocationStatus {
  NotChecked,  // no CRL in the trust store
  Good,        // the issuer's CRL does not list the DS certificate
  Revoked,     // it does
  Unknown,     // CRLs are configured but none settles it (missing, expired, bad, no chain)
};

struct DocumentSignerCheck {
  bool chainValid = false;  // chains to a trusted CSCA, within validity, any purpose
  bool expired = false;     // a certificate of the chain is past notAfter (or before notBefore)
  RevocationStatus revocation = RevocationStatus::NotChecked;
  std::vector<std::string> failures;  // one sentence per failed check
};

// Verifies a Document Signer certificate against the CSCAs and CRLs of `trust` in one
// X509_verify_cert run (purpose "any", X509_V_FLAG_CRL_CHECK when CRLs are configured) that
// collects every error, so chain faults and revocation are told apart. `at` replaces the
// current time.
DocumentSignerCheck checkDocumentSigner(X509* ds, const TrustStore& trust,
                                        std::optional<std::time_t> at = std::nullopt);

}  // namespace onestop::emrtd
