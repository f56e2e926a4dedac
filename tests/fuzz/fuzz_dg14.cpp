// libFuzzer target: EF.DG14 security infos and their public keys (host/emrtd dg14.hpp).
#include <cstddef>
#include <cstdint>

#include "onestop/emrtd/dg14.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)onestop::emrtd::parseDg14(onestop::emrtd::ByteView(data, size));
  return 0;
}
