#pragma once

#include <optional>

namespace onestop::emrtd {

// Standardized domain parameters of PACE and Chip Authentication (ICAO 9303-11 §9.5.1,
// BSI TR-03110-3 table 4): 0–2 are the RFC 5114 MODP groups, 8–18 elliptic curves;
// 3–7 and 19–31 are reserved. The CCCD chip announces 13 (brainpoolP256r1).
struct StandardDomainParameters {
  int id = 0;
  bool ellipticCurve = false;
  const char* name = "";  // OpenSSL group name: "brainpoolP256r1", "prime256v1", "dh_2048_224" …
  int bits = 0;           // size of the prime (of the field for curves)
};

// Nothing for a reserved or unknown id.
std::optional<StandardDomainParameters> standardDomainParameters(int id);

}  // namespace onestop::emrtd
