#include "onestop/emrtd/dg1.hpp"

#include <string_view>

#include "onestop/emrtd/lds_file.hpp"
#include "structure_reader.hpp"

namespace onestop::emrtd {
namespace {

constexpr std::string_view kName = "DG1";
constexpr Tag kMrzTag = 0x5F1F;
constexpr std::size_t kTd1Length = 90;

}  // namespace

Result<Dg1> parseDg1(ByteView file) {
  auto outer = detail::wholeObject(file, lds::dataGroup(1)->tag, kName);
  if (!outer) return outer.error();
  auto mrzObject = detail::wholeObject(outer->value, kMrzTag, kName);
  if (!mrzObject) return mrzObject.error();
  if (mrzObject->value.size() != kTd1Length) {
    return detail::invalidStructure(kName, "MRZ of " + std::to_string(mrzObject->value.size()) +
                                               " characters; only TD1 (90) is supported");
  }
  Dg1 out;
  out.mrzText.assign(mrzObject->value.begin(), mrzObject->value.end());
  auto mrz = parseTd1(out.mrzText);
  if (!mrz) return detail::invalidStructure(kName, mrz.error().detail());
  out.mrz = std::move(*mrz);
  return out;
}

}  // namespace onestop::emrtd
