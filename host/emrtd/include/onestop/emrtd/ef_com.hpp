#pragma once

#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd {

// EF.COM (ICAO 9303-10 §4.6.1):
//   60 { 5F01 LDS version "aabb", 5F36 Unicode version "aabbcc", 5C tag list }
// On a CCCD: LDS "0107", Unicode "040000", tags 61 75 63 6D 6F 6E (cccd.md §5).
struct EfCom {
  std::string ldsVersion;       // "0107" as stored
  std::string unicodeVersion;   // "040000" as stored
  int ldsMajor = 0;             // 1
  int ldsMinor = 0;             // 7
  std::vector<Tag> tags;        // the tag list in file order, unknown tags included
  std::vector<int> dataGroups;  // the data groups those tags name, in file order

  [[nodiscard]] bool lists(int dataGroup) const;
};

// The whole file. A missing or malformed element, a version that is not all digits of the right
// length, a repeated tag or trailing bytes is Reason::ValidationFailed ("EF.COM: ...").
// Unknown one-byte tags are kept in `tags` only.
Result<EfCom> parseEfCom(ByteView file);

}  // namespace onestop::emrtd
