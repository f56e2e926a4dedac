#pragma once

// Private helpers of the LDS structure parsers: every failure becomes Reason::ValidationFailed
// with the structure's name at the front of the detail ("DG2: ...").

#include <string>
#include <string_view>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd::detail {

inline Error invalidStructure(std::string_view structure, const std::string& what) {
  return Error(Reason::ValidationFailed, std::string(structure) + ": " + what);
}

// The one object tagged `tag` that fills `data` exactly (no trailing bytes).
inline Result<Tlv> wholeObject(ByteView data, Tag tag, std::string_view structure) {
  auto tlv = parseTlv(data);
  if (!tlv) return invalidStructure(structure, tlv.error().detail());
  if (tlv->tag != tag) return invalidStructure(structure, "unexpected outer tag");
  if (tlv->size() != data.size()) return invalidStructure(structure, "trailing bytes");
  return tlv;
}

// The objects that fill `data` exactly.
inline Result<std::vector<Tlv>> children(ByteView data, std::string_view structure) {
  auto list = parseTlvList(data);
  if (!list) return invalidStructure(structure, list.error().detail());
  return list;
}

}  // namespace onestop::emrtd::detail
