#include "chip_tlv.hpp"

namespace onestop::simulator::cccd {

void append(Bytes& to, ByteView from) {
  to.insert(to.end(), from.begin(), from.end());
}

bool ChipTlv::constructed() const {
  std::uint32_t first = tag;
  while (first > 0xFF) first >>= 8;
  return (first & 0x20) != 0;
}

std::optional<ChipTlv> parseOne(ByteView data) {
  std::size_t at = 0;
  if (data.empty()) return std::nullopt;
  std::uint32_t tag = data[at++];
  if ((tag & 0x1F) == 0x1F) {  // multi-byte tag: continue while bit 8 is set
    for (int more = 0;; ++more) {
      if (at >= data.size() || more == 2) return std::nullopt;
      const std::uint8_t next = data[at++];
      tag = (tag << 8) | next;
      if ((next & 0x80) == 0) break;
    }
  }
  if (at >= data.size()) return std::nullopt;
  std::size_t length = data[at++];
  if (length > 0x80) {
    const std::size_t count = length & 0x7F;
    if (count > 3 || at + count > data.size()) return std::nullopt;
    length = 0;
    for (std::size_t i = 0; i < count; ++i) length = (length << 8) | data[at++];
  } else if (length == 0x80) {
    return std::nullopt;  // indefinite length: never used by the LDS
  }
  if (length > data.size() - at) return std::nullopt;
  return ChipTlv{tag, data.subspan(at, length), at + length};
}

std::optional<std::vector<ChipTlv>> parseAll(ByteView data) {
  std::vector<ChipTlv> out;
  while (!data.empty()) {
    auto one = parseOne(data);
    if (!one) return std::nullopt;
    data = data.subspan(one->size);
    out.push_back(*one);
  }
  return out;
}

Bytes encodeLength(std::size_t length) {
  if (length < 0x80) return {static_cast<std::uint8_t>(length)};
  if (length <= 0xFF) return {0x81, static_cast<std::uint8_t>(length)};
  if (length <= 0xFFFF) {
    return {0x82, static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length)};
  }
  return {0x83, static_cast<std::uint8_t>(length >> 16), static_cast<std::uint8_t>(length >> 8),
          static_cast<std::uint8_t>(length)};
}

Bytes tlv(std::uint32_t tag, ByteView value) {
  Bytes out;
  if (tag > 0xFFFF) out.push_back(static_cast<std::uint8_t>(tag >> 16));
  if (tag > 0xFF) out.push_back(static_cast<std::uint8_t>(tag >> 8));
  out.push_back(static_cast<std::uint8_t>(tag));
  append(out, encodeLength(value.size()));
  append(out, value);
  return out;
}

}  // namespace onestop::simulator::cccd
