#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd {

// A BER-TLV tag as its encoded bytes read big-endian: 0x61, 0x5F1F, 0x7F61. At most 4 bytes.
using Tag = std::uint32_t;

// Tag and length of one BER-TLV object, read without needing its value bytes (so a file's
// total length can be learnt from its first bytes).
struct TlvHeader {
  Tag tag = 0;
  std::size_t headerSize = 0;   // tag bytes + length bytes
  std::size_t valueLength = 0;  // as the length field says
  [[nodiscard]] std::size_t totalSize() const { return headerSize + valueLength; }
};

// One parsed BER-TLV object. `value` points into the buffer that was parsed: keep that buffer
// alive while the view is used.
struct Tlv {
  Tag tag = 0;
  ByteView value;
  std::size_t headerSize = 0;
  [[nodiscard]] std::size_t size() const { return headerSize + value.size(); }
  // Bit 6 of the first tag byte: the value is itself a list of TLV objects.
  [[nodiscard]] bool constructed() const;
};

// Rules for every parser below: multi-byte tags (up to 4 bytes), definite lengths in short form
// or long form with 1 to 4 length bytes; the indefinite form (0x80) and longer length fields
// are refused; every length is checked against the buffer. Malformed input is
// Reason::ValidationFailed with the offset in the detail; nothing reads past the end.

// Tag and length at the start of `data`; the value may be missing or incomplete.
Result<TlvHeader> parseTlvHeader(ByteView data);

// The object at the start of `data` (bytes after it are ignored: compare size()).
Result<Tlv> parseTlv(ByteView data);

// Objects back to back filling `data` exactly (the value of a constructed object). Empty input
// gives an empty list.
Result<std::vector<Tlv>> parseTlvList(ByteView data);

// Follows `path` through nested objects: the first object tagged path[0] in the list `data`,
// then the first tagged path[1] inside its value, and so on. A missing tag is
// Reason::ValidationFailed naming it.
Result<Tlv> findTlv(ByteView data, std::initializer_list<Tag> path);

// Encoding (definite, minimal lengths).
Bytes encodeTag(Tag tag);
Bytes encodeLength(std::size_t length);
Bytes encodeTlv(Tag tag, ByteView value);

}  // namespace onestop::emrtd
