#include "chip_ec.hpp"

#include <openssl/obj_mac.h>

#include <stdexcept>
#include <string>

namespace onestop::simulator::cccd {
namespace {

struct CtxFree {
  void operator()(BN_CTX* ctx) const { BN_CTX_free(ctx); }
};
using Ctx = std::unique_ptr<BN_CTX, CtxFree>;

int curveNid(int parameterId) {
  switch (parameterId) {
    case 8:
      return NID_X9_62_prime192v1;
    case 9:
      return NID_brainpoolP192r1;
    case 10:
      return NID_secp224r1;
    case 11:
      return NID_brainpoolP224r1;
    case 12:
      return NID_X9_62_prime256v1;
    case 13:
      return NID_brainpoolP256r1;
    case 14:
      return NID_brainpoolP320r1;
    case 15:
      return NID_secp384r1;
    case 16:
      return NID_brainpoolP384r1;
    case 17:
      return NID_brainpoolP512r1;
    case 18:
      return NID_secp521r1;
    default:
      return NID_undef;
  }
}

[[noreturn]] void fail(const char* what) {
  throw std::runtime_error(std::string("chip EC: ") + what);
}

Ctx context() {
  Ctx ctx(BN_CTX_new());
  if (!ctx) fail("BN_CTX_new");
  return ctx;
}

}  // namespace

ChipCurve ChipCurve::standard(int parameterId) {
  const int nid = curveNid(parameterId);
  if (nid == NID_undef) fail("domain parameters are not a standardized curve");
  std::shared_ptr<EC_GROUP> group(EC_GROUP_new_by_curve_name(nid), EC_GROUP_free);
  if (!group) fail("EC_GROUP_new_by_curve_name");
  return ChipCurve(std::move(group));
}

Bn ChipCurve::randomScalar() const {
  Bn k(BN_new());
  if (!k) fail("BN_new");
  do {
    if (BN_priv_rand_range(k.get(), EC_GROUP_get0_order(group_.get())) != 1) fail("BN_rand");
  } while (BN_is_zero(k.get()));
  return k;
}

EcPoint ChipCurve::generator() const {
  EcPoint g(EC_POINT_dup(EC_GROUP_get0_generator(group_.get()), group_.get()));
  if (!g) fail("EC_POINT_dup");
  return g;
}

EcPoint ChipCurve::decode(ByteView octets) const {
  if (octets.empty() || octets[0] != 0x04) return nullptr;
  Ctx ctx = context();
  EcPoint point(EC_POINT_new(group_.get()));
  if (!point) fail("EC_POINT_new");
  if (EC_POINT_oct2point(group_.get(), point.get(), octets.data(), octets.size(), ctx.get()) != 1 ||
      EC_POINT_is_at_infinity(group_.get(), point.get()) == 1 ||
      EC_POINT_is_on_curve(group_.get(), point.get(), ctx.get()) != 1) {
    return nullptr;
  }
  return point;
}

Bytes ChipCurve::encode(const EC_POINT* point) const {
  Ctx ctx = context();
  const std::size_t size =
      EC_POINT_point2oct(group_.get(), point, POINT_CONVERSION_UNCOMPRESSED, nullptr, 0, ctx.get());
  Bytes out(size);
  if (size == 0 || EC_POINT_point2oct(group_.get(), point, POINT_CONVERSION_UNCOMPRESSED,
                                      out.data(), out.size(), ctx.get()) != size) {
    fail("EC_POINT_point2oct");
  }
  return out;
}

Bytes ChipCurve::xCoordinate(const EC_POINT* point) const {
  const Bytes encoded = encode(point);
  const std::size_t field = (encoded.size() - 1) / 2;
  return Bytes(encoded.begin() + 1, encoded.begin() + 1 + static_cast<std::ptrdiff_t>(field));
}

EcPoint ChipCurve::multiply(const EC_POINT* base, const BIGNUM* k) const {
  Ctx ctx = context();
  EcPoint out(EC_POINT_new(group_.get()));
  if (!out || EC_POINT_mul(group_.get(), out.get(), nullptr, base, k, ctx.get()) != 1) {
    fail("EC_POINT_mul");
  }
  return out;
}

EcPoint ChipCurve::mapGenerator(const BIGNUM* s, const EC_POINT* h) const {
  Ctx ctx = context();
  EcPoint out(EC_POINT_new(group_.get()));
  Bn one(BN_new());
  if (!out || !one || BN_one(one.get()) != 1 ||
      EC_POINT_mul(group_.get(), out.get(), s, h, one.get(), ctx.get()) != 1) {
    fail("EC_POINT_mul");
  }
  return out;
}

}  // namespace onestop::simulator::cccd
