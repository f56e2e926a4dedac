#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/common/result.hpp"

namespace onestop::emrtd {

// Everything that travels to or from a card, and every key, is a plain byte vector.
using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// "0CA4020C" (upper case, no separators).
std::string toHex(ByteView bytes);

// Accepts upper or lower case; spaces, tabs, newlines and ':' between byte pairs are ignored.
// An odd digit count or any other character is Reason::ValidationFailed.
Result<Bytes> fromHex(std::string_view text);

// For constants in code and tests: like fromHex, but a malformed literal is a bug (throws
// std::invalid_argument).
Bytes hexBytes(std::string_view text);

// Appends `tail` to `out`.
void append(Bytes& out, ByteView tail);

// Overwrites the bytes with zeros in a way the compiler cannot elide (OPENSSL_cleanse), then
// empties the vector. For keys and other secrets.
void wipe(Bytes& secret);

// Big-endian encoding of the low `width` bytes of `value`.
Bytes bigEndian(std::uint64_t value, std::size_t width);

}  // namespace onestop::emrtd
