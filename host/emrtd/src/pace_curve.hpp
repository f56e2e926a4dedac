#pragma once

// Private to onestop_emrtd: the elliptic-curve arithmetic of PACE generic mapping (ICAO 9303-11
// §4.4.3.3.1), all through OpenSSL EC_GROUP / EC_POINT / BIGNUM. Points travel as uncompressed
// octet strings (04 ‖ x ‖ y); every received point is checked to lie on the curve and not be
// the point at infinity (EC_POINT_oct2point does the former).

#include <cstddef>
#include <memory>

#include <openssl/ec.h>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/random_source.hpp"

namespace onestop::emrtd::detail {

class PaceCurve {
 public:
  // ICAO 9303-11 table 6 standardized domain parameters 8..18 (12 = NIST P-256,
  // 13 = brainpoolP256r1). Others are Reason::NotSupported.
  static Result<PaceCurve> standard(int parameterId);

  // A private key 1 <= k < n from `random` (order-length draws; out of range draws are
  // discarded and redrawn, so a recorded run replays with the recorded bytes).
  Result<Bytes> generatePrivateKey(RandomSource& random) const;
  // k·G.
  Result<Bytes> publicKey(ByteView privateKey) const;
  // k·P for a point P given as an octet string.
  Result<Bytes> multiply(ByteView privateKey, ByteView point) const;
  // Generic mapping: the same curve with generator G' = s·G + H.
  Result<PaceCurve> mapped(ByteView nonce, ByteView h) const;

  // Bytes of one coordinate (the ECDH shared secret is the x-coordinate of the shared point).
  [[nodiscard]] std::size_t fieldSize() const;
  [[nodiscard]] Bytes xCoordinate(ByteView point) const;

 private:
  explicit PaceCurve(std::shared_ptr<EC_GROUP> group) : group_(std::move(group)) {}

  std::shared_ptr<EC_GROUP> group_;
};

}  // namespace onestop::emrtd::detail
