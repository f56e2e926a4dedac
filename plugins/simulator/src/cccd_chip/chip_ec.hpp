#pragma once

#include <openssl/bn.h>
#include <openssl/ec.h>

#include <memory>

#include "chip_tlv.hpp"

namespace onestop::simulator::cccd {

struct BnFree {
  void operator()(BIGNUM* bn) const { BN_clear_free(bn); }
};
struct PointFree {
  void operator()(EC_POINT* point) const { EC_POINT_clear_free(point); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;
using EcPoint = std::unique_ptr<EC_POINT, PointFree>;

// Point arithmetic on one curve for PACE Generic Mapping (9303-11 §4.4.3.3.1), where the
// mapped generator G' is not the curve's own and EVP key agreement cannot express it.
class ChipCurve {
 public:
  // Standardized domain parameters by id (9303-11 §9.5.1, 8..18); throws for others.
  static ChipCurve standard(int parameterId);

  [[nodiscard]] Bn randomScalar() const;  // 1 ≤ k < order
  [[nodiscard]] EcPoint generator() const;
  // Nothing unless the octets are an uncompressed point on the curve, not at infinity.
  [[nodiscard]] EcPoint decode(ByteView octets) const;
  [[nodiscard]] Bytes encode(const EC_POINT* point) const;
  [[nodiscard]] Bytes xCoordinate(const EC_POINT* point) const;  // field-size octets
  [[nodiscard]] EcPoint multiply(const EC_POINT* base, const BIGNUM* k) const;
  // s·G + H: the mapped generator of Generic Mapping.
  [[nodiscard]] EcPoint mapGenerator(const BIGNUM* s, const EC_POINT* h) const;

 private:
  explicit ChipCurve(std::shared_ptr<EC_GROUP> group) : group_(std::move(group)) {}
  std::shared_ptr<EC_GROUP> group_;
};

}  // namespace onestop::simulator::cccd
