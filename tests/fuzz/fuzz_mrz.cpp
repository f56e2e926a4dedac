// libFuzzer target: the TD1 MRZ parser (host/emrtd mrz.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "onestop/emrtd/mrz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto mrz = onestop::emrtd::parseTd1(text)) (void)mrz->bacMrzInformation();
  (void)onestop::emrtd::mrzCheckDigit(text);
  return 0;
}
