// libFuzzer target: EF.DG1 (host/emrtd dg1.hpp).
#include <cstddef>
#include <cstdint>

#include "onestop/emrtd/dg1.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)onestop::emrtd::parseDg1(onestop::emrtd::ByteView(data, size));
  return 0;
}
