// libFuzzer target: EF.CardAccess and the choice of PACE parameters (host/emrtd card_access.hpp).
#include <cstddef>
#include <cstdint>

#include "onestop/emrtd/card_access.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (auto infos = onestop::emrtd::parseCardAccess(onestop::emrtd::ByteView(data, size))) {
    (void)onestop::emrtd::offersPace(*infos);
    (void)onestop::emrtd::preferredPaceInfo(*infos);
  }
  return 0;
}
