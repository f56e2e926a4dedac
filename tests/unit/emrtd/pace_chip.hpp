#pragma once

// Test support: the chip's side of PACE-ECDH-GM (ICAO 9303-11 §4.4), written apart from the
// library's reader side: points are multiplied on the original curve object (no mapped
// EC_GROUP), random values come from OpenSSL. It answers MSE:Set AT and the four GENERAL
// AUTHENTICATE steps, refuses a wrong terminal token with 6300 and keeps the session keys.

#include <memory>
#include <string>

#include <openssl/ec.h>

#include "onestop/emrtd/card_transport.hpp"
#include "onestop/emrtd/cipher_algorithm.hpp"

namespace onestop::emrtd::testing {

class PaceChip final : public CardTransport {
 public:
  // `curveNid`: NID_brainpoolP256r1, NID_X9_62_prime256v1...; `password`: f(π) (the CAN digits or
  // SHA-1 of MRZ_information).
  PaceChip(int curveNid, CipherAlgorithm cipher, Bytes password);

  Result<Bytes> transmit(const Bytes& command) override;
  [[nodiscard]] std::size_t maxApduSize() const override { return 261; }
  [[nodiscard]] bool extendedLength() const override { return false; }

  Bytes mseData;
  Bytes kEnc;  // set once the terminal's token verified
  Bytes kMac;

 private:
  Bytes answer(std::uint8_t tag, const Bytes& value) const;
  Bytes point(const EC_POINT* p) const;
  std::unique_ptr<EC_POINT, decltype(&EC_POINT_free)> decode(ByteView octets) const;
  Bytes token(ByteView key, ByteView publicKey) const;

  std::unique_ptr<EC_GROUP, decltype(&EC_GROUP_free)> group_;
  CipherAlgorithm cipher_;
  Bytes password_;
  int step_ = 0;
  Bytes nonce_;
  std::unique_ptr<EC_POINT, decltype(&EC_POINT_free)> generator_;
  Bytes terminalKey_;
  Bytes chipKey_;
  Bytes pendingMac_;
};

}  // namespace onestop::emrtd::testing
