#pragma once

// Test support: a throw-away eMRTD PKI built with OpenSSL at test time (no private key is
// committed): a P-384 CSCA, a brainpoolP384r1 Document Signer (the curves reported for real
// CCCDs, cccd.md §11), CRLs, and EF.SOD over synthetic data groups.

#include <openssl/types.h>

#include <ctime>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd::testing {

struct KeyDeleter {
  void operator()(EVP_PKEY* key) const;
};
struct CertDeleter {
  void operator()(X509* cert) const;
};
using Key = std::unique_ptr<EVP_PKEY, KeyDeleter>;
using Cert = std::unique_ptr<X509, CertDeleter>;

Key makeEcKey(const char* curve);

// The chip side of an ECDH key agreement: `own` (a key on `curve`) with the peer's uncompressed
// point. Written with plain OpenSSL EVP, independently of the reader code under test.
Bytes ecdhSecret(EVP_PKEY* own, std::string curve, ByteView peerPoint);

struct CertSpec {
  std::string commonName;
  long serial = 1;
  long notBeforeDays = -30;  // relative to now
  long notAfterDays = 3650;
  bool ca = false;
};
// Signed by `issuerKey` under `issuer`'s subject (self-signed when issuer is null).
Cert makeCertificate(const CertSpec& spec, EVP_PKEY* subjectKey, X509* issuer, EVP_PKEY* issuerKey);

// A CRL of `issuer` listing `revokedSerials`, valid from a day ago for `nextUpdateDays`.
Bytes makeCrlDer(X509* issuer, EVP_PKEY* issuerKey, const std::vector<long>& revokedSerials,
                 long nextUpdateDays = 30);

Bytes certificateDer(X509* cert);

// EF.SOD: 77 { CMS SignedData, eContentType ldsSecurityObject, SHA-256 data-group hashes,
// signed by `dsKey` with `ds` included }.
Bytes makeEfSod(X509* ds, EVP_PKEY* dsKey, const std::map<int, Bytes>& dataGroups,
                const std::string& hashOid = "2.16.840.1.101.3.4.2.1");

// A complete, valid test PKI with synthetic DG1, DG2 and DG13.
struct TestPki {
  Key cscaKey;
  Cert csca;
  Key dsKey;
  Cert ds;
  std::map<int, Bytes> dataGroups;
  Bytes efSod;
};
const TestPki& testPki();

}  // namespace onestop::emrtd::testing
