// libFuzzer target: EF.DG2 and the ISO/IEC 19794-5 facial record (host/emrtd dg2.hpp). The
// image itself is fuzzed by fuzz_face_image.
#include <cstddef>
#include <cstdint>

#include "onestop/emrtd/dg2.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const onestop::emrtd::ByteView input(data, size);
  if (auto dg2 = onestop::emrtd::parseDg2(input)) {
    (void)onestop::emrtd::imageMimeType(dg2->face().image);
  }
  (void)onestop::emrtd::parseFacialRecord(input);
  return 0;
}
