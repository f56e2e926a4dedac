#include "onestop/emrtd/dg15.hpp"

#include "onestop/emrtd/lds_file.hpp"
#include "structure_reader.hpp"

namespace onestop::emrtd {

Result<Dg15> parseDg15(ByteView file) {
  constexpr const char* kName = "DG15";
  auto outer = detail::wholeObject(file, lds::dataGroup(15)->tag, kName);
  if (!outer) return outer.error();
  auto spki = detail::wholeObject(outer->value, 0x30, kName);
  if (!spki) return spki.error();
  auto key = loadPublicKey(outer->value, kName);
  if (!key) return key.error();
  Dg15 out;
  out.subjectPublicKeyInfo.assign(outer->value.begin(), outer->value.end());
  out.description = describePublicKey(**key);
  out.key = std::move(*key);
  return out;
}

}  // namespace onestop::emrtd
