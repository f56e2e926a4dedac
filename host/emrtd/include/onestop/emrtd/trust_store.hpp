#pragma once

#include <openssl/types.h>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd {

// The anchors of passive authentication: CSCA certificates (self-signed roots and link
// certificates) and the CRLs they issue (design.md §6: config/trust/).
class TrustStore {
 public:
  TrustStore();
  ~TrustStore();
  TrustStore(TrustStore&&) noexcept;
  TrustStore& operator=(TrustStore&&) noexcept;
  TrustStore(const TrustStore&) = delete;
  TrustStore& operator=(const TrustStore&) = delete;

  // PEM (one or more certificates) or DER (one). Anything else is Reason::ValidationFailed.
  Result<void> addCertificates(ByteView pemOrDer);
  // PEM (one or more CRLs) or DER (one).
  Result<void> addCrls(ByteView pemOrDer);
  // Every *.pem, *.crt, *.cer, *.der (certificates) and *.crl file directly in `directory`.
  Result<void> addDirectory(const std::string& directory);

  [[nodiscard]] std::size_t certificateCount() const;
  [[nodiscard]] std::size_t crlCount() const;

  // A fresh OpenSSL store holding everything above, trusted, for one verification (the caller
  // owns it and sets flags and time on it). Null only when OpenSSL runs out of memory.
  [[nodiscard]] X509_STORE* newX509Store() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace onestop::emrtd
