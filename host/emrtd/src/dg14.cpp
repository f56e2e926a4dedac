#include "onestop/emrtd/dg14.hpp"

#include "onestop/emrtd/lds_file.hpp"
#include "structure_reader.hpp"

namespace onestop::emrtd {

Result<SecurityInfos> parseDg14(ByteView file) {
  constexpr const char* kName = "DG14";
  auto outer = detail::wholeObject(file, lds::dataGroup(14)->tag, kName);
  if (!outer) return outer.error();
  return parseSecurityInfos(outer->value, kName);
}

}  // namespace onestop::emrtd
