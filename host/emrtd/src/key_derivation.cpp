#include "onestop/emrtd/key_derivation.hpp"

#include "onestop/emrtd/digest.hpp"

namespace onestop::emrtd {
namespace {

ByteView asBytes(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

}  // namespace

Bytes deriveKey(ByteView secret, CipherAlgorithm algorithm, KdfCounter counter) {
  Bytes input(secret.begin(), secret.end());
  append(input, bigEndian(static_cast<std::uint32_t>(counter), 4));
  const bool longKey = algorithm == CipherAlgorithm::Aes192 || algorithm == CipherAlgorithm::Aes256;
  Bytes hash = longKey ? sha256(input) : sha1(input);
  wipe(input);
  hash.resize(keyLength(algorithm));
  if (algorithm == CipherAlgorithm::Des3) adjustDesParity(hash);
  return hash;
}

void adjustDesParity(Bytes& key) {
  for (auto& b : key) {
    int ones = 0;
    for (int bit = 1; bit < 8; ++bit) ones += (b >> bit) & 1;
    b = static_cast<std::uint8_t>((b & 0xFE) | ((ones % 2 == 0) ? 1 : 0));
  }
}

Bytes bacKeySeed(std::string_view mrzInformation) {
  Bytes seed = sha1(asBytes(mrzInformation));
  seed.resize(16);
  return seed;
}

BacKeys deriveBacKeys(std::string_view mrzInformation) {
  Bytes seed = bacKeySeed(mrzInformation);
  BacKeys keys{deriveKey(seed, CipherAlgorithm::Des3, KdfCounter::Enc),
               deriveKey(seed, CipherAlgorithm::Des3, KdfCounter::Mac)};
  wipe(seed);
  return keys;
}

Bytes paceMrzPassword(std::string_view mrzInformation) {
  return sha1(asBytes(mrzInformation));
}

Bytes paceCanPassword(std::string_view can) {
  const ByteView bytes = asBytes(can);
  return Bytes(bytes.begin(), bytes.end());
}

}  // namespace onestop::emrtd
