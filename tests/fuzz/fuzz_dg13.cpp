// libFuzzer target: the CCCD's EF.DG13 (host/cccd dg13.hpp), UTF-8 and NFC included.
#include <cstddef>
#include <cstdint>

#include "onestop/cccd/dg13.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)onestop::cccd::parseDg13(onestop::emrtd::ByteView(data, size));
  return 0;
}
