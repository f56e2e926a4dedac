// libFuzzer target: unwrapping a protected response APDU (host/emrtd secure_messaging.hpp)
// under fixed session keys.
//
// Input: one mode byte, then the response. Mode bit 1 picks AES-128 (else 3DES). With mode bit 0
// clear the response is unwrapped as it is: almost every input stops at the MAC check. With it
// set, the harness treats the rest as the data objects before DO'8E' and appends the MAC the
// card would have computed plus SW 9000, so the fuzzer reaches what follows a valid MAC:
// DO'87'/'85'/'99' parsing, decryption and padding removal.
#include <cstddef>
#include <cstdint>

#include "onestop/emrtd/secure_messaging.hpp"
#include "onestop/emrtd/symmetric_crypto.hpp"

namespace {

using onestop::emrtd::Bytes;
using onestop::emrtd::ByteView;
using onestop::emrtd::CipherAlgorithm;

const Bytes kEncKey(16, 0x2B);
const Bytes kMacKey(16, 0x7E);

Bytes initialSsc(CipherAlgorithm algorithm) {
  return Bytes(onestop::emrtd::blockSize(algorithm), 0x00);
}

// DO'8E' ‖ SW 9000 over `objects`, as the card computes it for the first response of a session
// whose SSC starts at zero (it is incremented once before the check).
Bytes withValidMac(CipherAlgorithm algorithm, ByteView objects) {
  Bytes macInput = initialSsc(algorithm);
  macInput.back() = 0x01;
  onestop::emrtd::append(macInput, objects);
  const Bytes padded =
      onestop::emrtd::padIso9797Method2(macInput, onestop::emrtd::blockSize(algorithm));
  auto mac = algorithm == CipherAlgorithm::Des3 ? onestop::emrtd::retailMac(kMacKey, padded)
                                                : onestop::emrtd::aesCmac(kMacKey, padded);
  Bytes response(objects.begin(), objects.end());
  if (!mac) return response;
  response.push_back(0x8E);
  response.push_back(0x08);
  response.insert(response.end(), mac->begin(), mac->begin() + 8);
  response.push_back(0x90);
  response.push_back(0x00);
  return response;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint8_t mode = data[0];
  const ByteView body(data + 1, size - 1);
  const CipherAlgorithm algorithm =
      (mode & 0x02) != 0 ? CipherAlgorithm::Aes128 : CipherAlgorithm::Des3;
  auto messaging =
      onestop::emrtd::SecureMessaging::create(algorithm, kEncKey, kMacKey, initialSsc(algorithm));
  if (!messaging) __builtin_trap();  // fixed, valid parameters
  if ((mode & 0x01) != 0) {
    (void)messaging->unwrap(withValidMac(algorithm, body));
  } else {
    (void)messaging->unwrap(body);
  }
  return 0;
}
