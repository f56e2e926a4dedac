#pragma once

#include <cstdint>
#include <string_view>

#include "onestop/cccd/citizen_record.hpp"
#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::cccd {

// Parses EF.DG13 (tag 6D) of a CCCD / căn cước chip (cccd.md §7.1):
//   6D { 30 { 02 version, 06 OID, 31 { 30 { 02 n, value… } … } } }
// with a real BER-TLV parser (emrtd/tlv). Every string is decoded as UTF-8 whatever its tag,
// validated and normalized to NFC. Fields 1–16 are mapped by number; other numbers are kept raw
// in `unknownFields`. Fields 1–3 are mandatory. Malformed input (truncated or malformed TLV,
// wrong structure, invalid UTF-8, bad date, repeated field) is Reason::ValidationFailed whose
// detail names the field ("DG13 field 9 (place of residence): …") and never its content.
Result<CitizenRecord> parseDg13(emrtd::ByteView file);

// English name of a DG13 field number for details and logs: "date of birth"; "unknown" above 16.
std::string_view dg13FieldName(std::uint32_t number);

}  // namespace onestop::cccd
