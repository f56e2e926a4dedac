// libFuzzer target: the text of the QR code printed on a CCCD (host/cccd qr_payload.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "onestop/cccd/qr_payload.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto payload = onestop::cccd::parseCccdQr(text)) (void)onestop::cccd::keyDataFromQr(*payload);
  return 0;
}
