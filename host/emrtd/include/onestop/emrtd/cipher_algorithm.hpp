#pragma once

#include <cstddef>

namespace onestop::emrtd {

// The block ciphers of ICAO 9303-11 secure messaging and key derivation: two-key 3DES (BAC,
// older PACE/CA) and AES (PACE, Chip Authentication).
enum class CipherAlgorithm { Des3, Aes128, Aes192, Aes256 };

constexpr std::size_t keyLength(CipherAlgorithm algorithm) {
  switch (algorithm) {
    case CipherAlgorithm::Des3:
      return 16;
    case CipherAlgorithm::Aes128:
      return 16;
    case CipherAlgorithm::Aes192:
      return 24;
    case CipherAlgorithm::Aes256:
      return 32;
  }
  return 0;
}

constexpr std::size_t blockSize(CipherAlgorithm algorithm) {
  return algorithm == CipherAlgorithm::Des3 ? 8 : 16;
}

}  // namespace onestop::emrtd
