#pragma once

// Internal to onestop_cccd: reading the ASN.1 values inside DG13 fields.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::cccd::detail {

// Reason::ValidationFailed "DG13 field <n> (<name>): <what>".
Error fieldError(std::uint32_t field, const std::string& what);

// A non-negative INTEGER (tag 02) of at most 4 value bytes.
Result<std::uint32_t> readUnsigned(const emrtd::Tlv& integer);

// A simple field: no value (nullopt) or one primitive string of any tag, as NFC UTF-8.
Result<std::optional<std::string>> readText(std::span<const emrtd::Tlv> values,
                                            std::uint32_t field);

// A field of person records (13, 14): each value becomes one group of strings (a primitive
// string alone, a constructed value every string inside it in order, at most 8 levels deep).
// A group may be empty (an empty SEQUENCE keeps its position).
Result<std::vector<std::vector<std::string>>> readGroups(std::span<const emrtd::Tlv> values,
                                                         std::uint32_t field);

}  // namespace onestop::cccd::detail
