// libFuzzer target: the BER-TLV parser every LDS file goes through (host/emrtd tlv.hpp), nested.
#include <cstddef>
#include <cstdint>

#include "onestop/emrtd/tlv.hpp"

namespace {

using onestop::emrtd::ByteView;

// Descends into constructed objects the way the DG parsers do; the depth bound keeps a file of
// nested headers from turning into a stack test.
void walk(ByteView data, int depth) {
  if (depth > 32) return;
  auto list = onestop::emrtd::parseTlvList(data);
  if (!list) return;
  for (const onestop::emrtd::Tlv& object : *list) {
    if (object.constructed()) walk(object.value, depth + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const ByteView input(data, size);
  (void)onestop::emrtd::parseTlvHeader(input);
  if (auto first = onestop::emrtd::parseTlv(input); first && first->constructed()) {
    walk(first->value, 1);
  }
  walk(input, 0);
  (void)onestop::emrtd::findTlv(input, {0x61, 0x5F1F});
  (void)onestop::emrtd::findTlv(input, {0x75, 0x7F61, 0x7F60, 0x5F2E});
  return 0;
}
