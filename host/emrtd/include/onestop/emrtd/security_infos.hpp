#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/cipher_algorithm.hpp"
#include "onestop/emrtd/standard_domain_parameters.hpp"

namespace onestop::emrtd {

// SecurityInfos ::= SET OF SecurityInfo, SecurityInfo ::= SEQUENCE { protocol OBJECT
// IDENTIFIER, requiredData ANY, optionalData ANY OPTIONAL } (ICAO 9303-11 §9.2, BSI
// TR-03110-3 A.1), as found in EF.CardAccess and DG14. OIDs are kept dotted.

enum class KeyAgreement { Dh, Ecdh };
enum class PaceMapping { Generic, Integrated, ChipAuthentication };

// PACEInfo ::= SEQUENCE { id-PACE-<agreement>-<mapping>-<cipher>, version INTEGER (2),
//                         parameterId INTEGER OPTIONAL }
struct PaceInfo {
  std::string oid;  // "0.4.0.127.0.7.2.2.4.2.2" = id-PACE-ECDH-GM-AES-CBC-CMAC-128
  KeyAgreement agreement = KeyAgreement::Ecdh;
  PaceMapping mapping = PaceMapping::Generic;
  CipherAlgorithm cipher = CipherAlgorithm::Aes128;
  int version = 0;
  std::optional<int> parameterId;  // 13 on a CCCD
  // The standardized domain parameters parameterId names; nothing when absent or not standard.
  std::optional<StandardDomainParameters> parameters;
};

// ChipAuthenticationInfo ::= SEQUENCE { id-CA-<agreement>-<cipher>, version INTEGER (1|2|3),
//                                       keyId INTEGER OPTIONAL }
struct ChipAuthenticationInfo {
  std::string oid;  // "0.4.0.127.0.7.2.2.3.2.2" = id-CA-ECDH-AES-CBC-CMAC-128
  KeyAgreement agreement = KeyAgreement::Ecdh;
  CipherAlgorithm cipher = CipherAlgorithm::Aes128;
  int version = 0;
  std::optional<std::uint32_t> keyId;
};

// ChipAuthenticationPublicKeyInfo ::= SEQUENCE { id-PK-DH | id-PK-ECDH,
//     chipAuthenticationPublicKey SubjectPublicKeyInfo, keyId INTEGER OPTIONAL }
struct ChipAuthenticationPublicKeyInfo {
  std::string oid;
  KeyAgreement agreement = KeyAgreement::Ecdh;
  Bytes subjectPublicKeyInfo;  // DER, as stored: load it with loadPublicKey()
  std::optional<std::uint32_t> keyId;
};

// ActiveAuthenticationInfo ::= SEQUENCE { id-AA (2.23.136.1.1.5), version INTEGER (1),
//                                         signatureAlgorithm OBJECT IDENTIFIER }
struct ActiveAuthenticationInfo {
  int version = 0;
  std::string signatureAlgorithmOid;  // "0.4.0.127.0.7.1.1.4.1.3" = ecdsa-plain-SHA256 …
};

// TerminalAuthenticationInfo ::= SEQUENCE { id-TA, version INTEGER (1|2), efCVCA OPTIONAL }
struct TerminalAuthenticationInfo {
  int version = 0;
  Bytes efCvca;  // the FileID SEQUENCE as stored; empty when absent
};

// Any other SecurityInfo (PACEDomainParameterInfo, ChipAuthenticationDomainParameterInfo,
// EFDIR, vendor infos …): its protocol OID and the whole SecurityInfo DER.
struct UnknownSecurityInfo {
  std::string oid;
  Bytes der;
};

struct SecurityInfos {
  std::vector<PaceInfo> pace;
  std::vector<ChipAuthenticationInfo> chipAuthentication;
  std::vector<ChipAuthenticationPublicKeyInfo> chipAuthenticationPublicKeys;
  std::vector<ActiveAuthenticationInfo> activeAuthentication;
  std::vector<TerminalAuthenticationInfo> terminalAuthentication;
  std::vector<UnknownSecurityInfo> unknown;
};

// The DER of the SET (tag 31) filling `der` exactly. A malformed or truncated SET, element or
// OID, or a known info whose fields do not match its definition, is Reason::ValidationFailed
// naming `structure` ("EF.CardAccess: ...", "DG14: ...").
Result<SecurityInfos> parseSecurityInfos(ByteView der, const char* structure = "SecurityInfos");

}  // namespace onestop::emrtd
