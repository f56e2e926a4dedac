#pragma once

// Internal to onestop_cccd: storing DG13 fields into a CitizenRecord by number.

#include <cstdint>
#include <span>
#include <string>

#include "onestop/cccd/citizen_record.hpp"
#include "onestop/common/result.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::cccd::detail {

// Stores field `number` (its values are the TLV objects after the INTEGER, `raw` their encoded
// bytes) into `record`; a number not in 1–16 goes to record.unknownFields.
Result<void> applyField(CitizenRecord& record, std::uint32_t number,
                        std::span<const emrtd::Tlv> values, emrtd::ByteView raw);

// Field 12: a date, a known "no expiry" phrase, or text kept as it is.
ExpiryField classifyExpiry(std::string text);

}  // namespace onestop::cccd::detail
