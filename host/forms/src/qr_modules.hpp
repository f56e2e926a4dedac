#pragma once

#include <string>
#include <vector>

#include "onestop/common/result.hpp"

namespace onestop::forms {

// The modules of a QR code (UTF-8, error correction M, no quiet zone: the paper around it is).
struct QrModules {
  int size = 0;            // modules per side
  std::vector<bool> dark;  // row-major, size × size
  [[nodiscard]] bool at(int x, int y) const {
    return dark[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                static_cast<std::size_t>(x)];
  }
};

// ValidationFailed naming `path` when the text does not fit in a QR code.
Result<QrModules> encodeQr(const std::string& text, const std::string& path);

}  // namespace onestop::forms
