#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace onestop {

// Standard base64 (RFC 4648 §4) with padding, as JSON carries binary data on the API.
std::string base64Encode(std::span<const std::uint8_t> bytes);
// Strict: only the standard alphabet, length a multiple of 4, padding only at the end;
// anything else (whitespace included) is nullopt.
std::optional<std::vector<std::uint8_t>> base64Decode(std::string_view text);

}  // namespace onestop
