#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace onestop::simulator::cccd {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

void append(Bytes& to, ByteView from);

// One BER-TLV data object as the chip sees it: tag (up to 3 bytes), value, and how many bytes
// the whole object took.
struct ChipTlv {
  std::uint32_t tag = 0;
  ByteView value;
  std::size_t size = 0;
  [[nodiscard]] bool constructed() const;
};

// The chip's own TLV codec (it must not share code with the reader it is tested against).
std::optional<ChipTlv> parseOne(ByteView data);
// Every object of a concatenation; nothing when one is malformed or truncated.
std::optional<std::vector<ChipTlv>> parseAll(ByteView data);
Bytes encodeLength(std::size_t length);
Bytes tlv(std::uint32_t tag, ByteView value);

}  // namespace onestop::simulator::cccd
