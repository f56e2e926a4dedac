#include "onestop/emrtd/tlv.hpp"

#include <cstdio>
#include <string>

namespace onestop::emrtd {
namespace {

constexpr std::size_t kMaxTagBytes = 4;
constexpr std::size_t kMaxLengthBytes = 4;

Error malformed(const std::string& what, std::size_t offset) {
  return Error(Reason::ValidationFailed, "TLV: " + what + " at offset " + std::to_string(offset));
}

std::string tagName(Tag tag) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02X", tag);
  return buffer;
}

}  // namespace

bool Tlv::constructed() const {
  Tag first = tag;
  while (first > 0xFF) first >>= 8;
  return (first & 0x20) != 0;
}

Result<TlvHeader> parseTlvHeader(ByteView data) {
  if (data.empty()) return malformed("no tag", 0);
  std::size_t pos = 0;
  Tag tag = data[pos++];
  if ((tag & 0x1F) == 0x1F) {  // multi-byte tag: more bytes while bit 8 is set
    while (true) {
      if (pos >= data.size()) return malformed("tag truncated", pos);
      if (pos >= kMaxTagBytes) return malformed("tag longer than 4 bytes", 0);
      const std::uint8_t b = data[pos++];
      tag = (tag << 8) | b;
      if ((b & 0x80) == 0) break;
    }
  }
  if (pos >= data.size()) return malformed("length missing", pos);
  const std::uint8_t first = data[pos++];
  std::size_t length = first;
  if (first == 0x80) return malformed("indefinite length refused", pos - 1);
  if (first > 0x80) {
    const std::size_t count = first & 0x7F;
    if (count > kMaxLengthBytes) return malformed("length field longer than 4 bytes", pos - 1);
    if (data.size() - pos < count) return malformed("length truncated", pos);
    length = 0;
    for (std::size_t i = 0; i < count; ++i) length = (length << 8) | data[pos++];
  }
  return TlvHeader{tag, pos, length};
}

Result<Tlv> parseTlv(ByteView data) {
  auto header = parseTlvHeader(data);
  if (!header) return header.error();
  const std::size_t available = data.size() - header->headerSize;
  if (header->valueLength > available) {
    return malformed("length " + std::to_string(header->valueLength) + " exceeds the " +
                         std::to_string(available) + " bytes left",
                     header->headerSize);
  }
  return Tlv{header->tag, data.subspan(header->headerSize, header->valueLength),
             header->headerSize};
}

Result<std::vector<Tlv>> parseTlvList(ByteView data) {
  std::vector<Tlv> out;
  std::size_t offset = 0;
  while (offset < data.size()) {
    auto tlv = parseTlv(data.subspan(offset));
    if (!tlv) {
      return Error(Reason::ValidationFailed,
                   tlv.error().detail() + " (object at offset " + std::to_string(offset) + ")");
    }
    offset += tlv->size();
    out.push_back(*tlv);
  }
  return out;
}

Result<Tlv> findTlv(ByteView data, std::initializer_list<Tag> path) {
  ByteView scope = data;
  std::string walked;
  Tlv found;
  for (const Tag wanted : path) {
    walked += (walked.empty() ? "" : "/") + tagName(wanted);
    bool hit = false;
    std::size_t offset = 0;
    while (offset < scope.size()) {
      auto tlv = parseTlv(scope.subspan(offset));
      if (!tlv) return tlv.error();
      offset += tlv->size();
      if (tlv->tag == wanted) {
        found = *tlv;
        hit = true;
        break;
      }
    }
    if (!hit) return Error(Reason::ValidationFailed, "TLV: tag path " + walked + " not found");
    scope = found.value;
  }
  if (walked.empty()) return Error(Reason::ValidationFailed, "TLV: empty tag path");
  return found;
}

Bytes encodeTag(Tag tag) {
  Bytes out;
  for (int shift = 24; shift > 0; shift -= 8) {
    const auto b = static_cast<std::uint8_t>(tag >> shift);
    if (b != 0 || !out.empty()) out.push_back(b);
  }
  out.push_back(static_cast<std::uint8_t>(tag));
  return out;
}

Bytes encodeLength(std::size_t length) {
  if (length < 0x80) return {static_cast<std::uint8_t>(length)};
  Bytes digits;
  for (std::size_t rest = length; rest != 0; rest >>= 8) {
    digits.insert(digits.begin(), static_cast<std::uint8_t>(rest));
  }
  Bytes out{static_cast<std::uint8_t>(0x80 | digits.size())};
  append(out, digits);
  return out;
}

Bytes encodeTlv(Tag tag, ByteView value) {
  Bytes out = encodeTag(tag);
  append(out, encodeLength(value.size()));
  append(out, value);
  return out;
}

}  // namespace onestop::emrtd
