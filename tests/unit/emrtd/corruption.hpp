#pragma once

#include <gtest/gtest.h>

#include <cstdint>

#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd::testing {

// Changes every byte of `file` to 00, FF, its high bit flipped and its value + 1, and expects the
// parser to accept the result or refuse it with ValidationFailed — never anything else, never a
// crash or an over-read (run under ASan to see the latter).
template <typename Parse>
void expectEveryCorruptionHandled(const Bytes& file, Parse parse) {
  for (std::size_t i = 0; i < file.size(); ++i) {
    for (const std::uint8_t value :
         {std::uint8_t{0x00}, std::uint8_t{0xFF}, static_cast<std::uint8_t>(file[i] ^ 0x80u),
          static_cast<std::uint8_t>(file[i] + 1u)}) {
      Bytes corrupt = file;
      corrupt[i] = value;
      auto parsed = parse(corrupt);
      if (!parsed.ok()) {
        EXPECT_EQ(parsed.error().reason(), Reason::ValidationFailed) << "byte " << i;
      }
    }
  }
}

}  // namespace onestop::emrtd::testing
