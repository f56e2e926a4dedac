// libFuzzer target: EF.DG15, the Active Authentication key, loaded by OpenSSL (host/emrtd
// dg15.hpp).
#include <cstddef>
#include <cstdint>

#include "onestop/emrtd/dg15.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)onestop::emrtd::parseDg15(onestop::emrtd::ByteView(data, size));
  return 0;
}
