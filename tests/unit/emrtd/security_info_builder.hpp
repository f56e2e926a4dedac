#pragma once

// Test support: small DER encoders for SecurityInfos (EF.CardAccess, DG14).

#include <cstdint>
#include <string_view>
#include <vector>

#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/object_identifier.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd::testing {

inline Bytes derOid(std::string_view dotted) {
  return encodeTlv(0x06, oidContent(dotted).value());
}

inline Bytes derInteger(std::uint8_t value) {
  return encodeTlv(0x02, Bytes{value});
}

inline Bytes derSequence(const std::vector<Bytes>& fields, Tag tag = 0x30) {
  Bytes body;
  for (const Bytes& field : fields) append(body, field);
  return encodeTlv(tag, body);
}

inline Bytes derSet(const std::vector<Bytes>& infos) {
  return derSequence(infos, 0x31);
}

// The CCCD's EF.CardAccess (cccd.md §4.1): TA v1, CA ECDH AES-128 v1, PACE ECDH GM AES-128 v2
// with parameter 13.
inline Bytes cccdCardAccess() {
  return hexBytes(
      "3134"
      "300D060804007F00070202020201 01"
      "300F060A04007F0007020203020202 0101"
      "3012060A04007F0007020204020202 0102 02010D");
}

}  // namespace onestop::emrtd::testing
