#include "pace_curve.hpp"

#include <openssl/bn.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>

#include <string>

#include "onestop/emrtd/standard_domain_parameters.hpp"

namespace onestop::emrtd::detail {
namespace {

struct BnFree {
  void operator()(BIGNUM* bn) const { BN_clear_free(bn); }
};
struct PointFree {
  void operator()(EC_POINT* point) const { EC_POINT_clear_free(point); }
};
struct CtxFree {
  void operator()(BN_CTX* ctx) const { BN_CTX_free(ctx); }
};
using Bn = std::unique_ptr<BIGNUM, BnFree>;
using Point = std::unique_ptr<EC_POINT, PointFree>;
using Ctx = std::unique_ptr<BN_CTX, CtxFree>;

Error failure(const char* what) {
  return Error(Reason::Internal, std::string("PACE EC: ") + what);
}

// One table of standardized domain parameters (standard_domain_parameters.cpp) serves PACE, CA
// and the parsers; here only its elliptic curves apply.
int curveNid(int parameterId) {
  const auto params = standardDomainParameters(parameterId);
  if (!params || !params->ellipticCurve) return NID_undef;
  return OBJ_sn2nid(params->name);
}

Bn bignum(ByteView bytes) {
  return Bn(BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr));
}

// An octet string as a point of `group`: on the curve and not at infinity, or ValidationFailed.
Result<Point> decode(const EC_GROUP* group, ByteView octets, BN_CTX* ctx) {
  Point point(EC_POINT_new(group));
  if (!point) return failure("EC_POINT_new");
  if (EC_POINT_oct2point(group, point.get(), octets.data(), octets.size(), ctx) != 1 ||
      EC_POINT_is_at_infinity(group, point.get()) == 1) {
    return Error(Reason::ValidationFailed, "PACE: the card's point is not on the curve");
  }
  return point;
}

Result<Bytes> encode(const EC_GROUP* group, const EC_POINT* point, BN_CTX* ctx) {
  if (EC_POINT_is_at_infinity(group, point) == 1) {
    return Error(Reason::ValidationFailed, "PACE: point at infinity");
  }
  Bytes out(1 + 2 * static_cast<std::size_t>((EC_GROUP_get_degree(group) + 7) / 8));
  if (EC_POINT_point2oct(group, point, POINT_CONVERSION_UNCOMPRESSED, out.data(), out.size(),
                         ctx) != out.size()) {
    return failure("EC_POINT_point2oct");
  }
  return out;
}

// k·base, or k·G when `base` is null.
Result<Bytes> scalarMultiply(const EC_GROUP* group, ByteView privateKey, const EC_POINT* base,
                             BN_CTX* ctx) {
  Bn k = bignum(privateKey);
  Point result(EC_POINT_new(group));
  if (!k || !result) return failure("allocation");
  const int ok = base == nullptr ? EC_POINT_mul(group, result.get(), k.get(), nullptr, nullptr, ctx)
                                 : EC_POINT_mul(group, result.get(), nullptr, base, k.get(), ctx);
  if (ok != 1) return failure("EC_POINT_mul");
  return encode(group, result.get(), ctx);
}

}  // namespace

Result<PaceCurve> PaceCurve::standard(int parameterId) {
  const int nid = curveNid(parameterId);
  if (nid == NID_undef) {
    return Error(Reason::NotSupported,
                 "PACE: domain parameters " + std::to_string(parameterId) + " are not an EC curve");
  }
  std::shared_ptr<EC_GROUP> group(EC_GROUP_new_by_curve_name(nid), EC_GROUP_free);
  if (!group) return failure("EC_GROUP_new_by_curve_name");
  return PaceCurve(std::move(group));
}

Result<Bytes> PaceCurve::generatePrivateKey(RandomSource& random) const {
  const BIGNUM* order = EC_GROUP_get0_order(group_.get());
  const auto length = static_cast<std::size_t>(BN_num_bytes(order));
  for (int attempt = 0; attempt < 64; ++attempt) {
    auto candidate = random.generate(length);
    if (!candidate) return candidate.error();
    Bn k = bignum(*candidate);
    if (!k) return failure("BN_bin2bn");
    if (!BN_is_zero(k.get()) && BN_cmp(k.get(), order) < 0) return candidate;
    wipe(*candidate);
  }
  return failure("no private key below the order in 64 draws");
}

Result<Bytes> PaceCurve::publicKey(ByteView privateKey) const {
  Ctx ctx(BN_CTX_new());
  if (!ctx) return failure("BN_CTX_new");
  return scalarMultiply(group_.get(), privateKey, nullptr, ctx.get());
}

Result<Bytes> PaceCurve::multiply(ByteView privateKey, ByteView point) const {
  Ctx ctx(BN_CTX_new());
  if (!ctx) return failure("BN_CTX_new");
  auto p = decode(group_.get(), point, ctx.get());
  if (!p) return p.error();
  return scalarMultiply(group_.get(), privateKey, p->get(), ctx.get());
}

Result<PaceCurve> PaceCurve::mapped(ByteView nonce, ByteView h) const {
  Ctx ctx(BN_CTX_new());
  if (!ctx) return failure("BN_CTX_new");
  const EC_GROUP* group = group_.get();
  auto hPoint = decode(group, h, ctx.get());
  if (!hPoint) return hPoint.error();
  Bn s = bignum(nonce);
  Bn one(BN_new());
  Point generator(EC_POINT_new(group));
  if (!s || !one || !generator || BN_one(one.get()) != 1) return failure("allocation");
  // G' = s·G + 1·H in one call.
  if (EC_POINT_mul(group, generator.get(), s.get(), hPoint->get(), one.get(), ctx.get()) != 1) {
    return failure("EC_POINT_mul");
  }
  auto octets = encode(group, generator.get(), ctx.get());
  if (!octets) return octets.error();

  // A new curve object over the same field and coefficients, with G' as its generator.
  Bn p(BN_new());
  Bn a(BN_new());
  Bn b(BN_new());
  if (!p || !a || !b || EC_GROUP_get_curve(group, p.get(), a.get(), b.get(), ctx.get()) != 1) {
    return failure("EC_GROUP_get_curve");
  }
  std::shared_ptr<EC_GROUP> mappedGroup(
      EC_GROUP_new_curve_GFp(p.get(), a.get(), b.get(), ctx.get()), EC_GROUP_free);
  if (!mappedGroup) return failure("EC_GROUP_new_curve_GFp");
  auto mappedGenerator = decode(mappedGroup.get(), *octets, ctx.get());
  if (!mappedGenerator) return mappedGenerator.error();
  if (EC_GROUP_set_generator(mappedGroup.get(), mappedGenerator->get(), EC_GROUP_get0_order(group),
                             EC_GROUP_get0_cofactor(group)) != 1) {
    return failure("EC_GROUP_set_generator");
  }
  return PaceCurve(std::move(mappedGroup));
}

std::size_t PaceCurve::fieldSize() const {
  return static_cast<std::size_t>((EC_GROUP_get_degree(group_.get()) + 7) / 8);
}

Bytes PaceCurve::xCoordinate(ByteView point) const {
  const std::size_t size = fieldSize();
  if (point.size() != 1 + 2 * size) return {};
  return Bytes(point.begin() + 1, point.begin() + 1 + static_cast<std::ptrdiff_t>(size));
}

}  // namespace onestop::emrtd::detail
