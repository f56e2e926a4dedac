#pragma once

#include <map>
#include <string>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd {

// The signed content of EF.SOD (ICAO 9303-10 §4.6.2.2, eContentType 2.23.136.1.1.1):
//   LDSSecurityObject ::= SEQUENCE {
//     version INTEGER (0 | 1),
//     hashAlgorithm AlgorithmIdentifier,
//     dataGroupHashValues SEQUENCE OF SEQUENCE { dataGroupNumber INTEGER (1..16),
//                                                 dataGroupHashValue OCTET STRING },
//     ldsVersionInfo SEQUENCE { ldsVersion, unicodeVersion } OPTIONAL }   -- version 1
struct LdsSecurityObject {
  int version = 0;
  std::string hashAlgorithmOid;  // dotted: "2.16.840.1.101.3.4.2.1"
  std::string hashAlgorithm;     // OpenSSL digest name ("SHA256"); empty when not a known digest
  std::map<int, Bytes> dataGroupHashes;  // data-group number -> hash
};

// DER (or BER with definite lengths) of the structure above. Malformed input, a data-group
// number outside 1..16, a repeated number, or a hash whose length does not match a known
// algorithm is Reason::ValidationFailed.
Result<LdsSecurityObject> parseLdsSecurityObject(ByteView der);

// The DER encoding, for building test cards and fixtures.
Bytes encodeLdsSecurityObject(const std::string& hashAlgorithmOid,
                              const std::map<int, Bytes>& dataGroupHashes);

}  // namespace onestop::emrtd
