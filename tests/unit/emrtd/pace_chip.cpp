#include "pace_chip.hpp"

#include <openssl/bn.h>
#include <openssl/rand.h>

#include "onestop/emrtd/key_derivation.hpp"
#include "onestop/emrtd/symmetric_crypto.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd::testing {
namespace {

using Bn = std::unique_ptr<BIGNUM, decltype(&BN_free)>;

Bn randomScalar(const EC_GROUP* group) {
  Bn k(BN_new(), BN_free);
  BN_rand_range(k.get(), EC_GROUP_get0_order(group));
  return k;
}

Bytes sw(std::uint16_t status) {
  return {static_cast<std::uint8_t>(status >> 8), static_cast<std::uint8_t>(status & 0xFF)};
}

}  // namespace

PaceChip::PaceChip(int curveNid, CipherAlgorithm cipher, Bytes password)
    : group_(EC_GROUP_new_by_curve_name(curveNid), EC_GROUP_free),
      cipher_(cipher),
      password_(std::move(password)),
      generator_(nullptr, EC_POINT_free) {}

Bytes PaceChip::answer(std::uint8_t tag, const Bytes& value) const {
  Bytes out = encodeTlv(0x7C, encodeTlv(tag, value));
  append(out, sw(0x9000));
  return out;
}

Bytes PaceChip::point(const EC_POINT* p) const {
  Bytes out(
      EC_POINT_point2oct(group_.get(), p, POINT_CONVERSION_UNCOMPRESSED, nullptr, 0, nullptr));
  EC_POINT_point2oct(group_.get(), p, POINT_CONVERSION_UNCOMPRESSED, out.data(), out.size(),
                     nullptr);
  return out;
}

std::unique_ptr<EC_POINT, decltype(&EC_POINT_free)> PaceChip::decode(ByteView octets) const {
  std::unique_ptr<EC_POINT, decltype(&EC_POINT_free)> p(EC_POINT_new(group_.get()), EC_POINT_free);
  EC_POINT_oct2point(group_.get(), p.get(), octets.data(), octets.size(), nullptr);
  return p;
}

Bytes PaceChip::token(ByteView key, ByteView publicKey) const {
  Bytes inner = encodeTlv(0x06, findTlv(mseData, {0x80}).value().value);
  append(inner, encodeTlv(0x86, publicKey));
  Bytes mac = aesCmac(key, encodeTlv(0x7F49, inner)).value();
  mac.resize(8);
  return mac;
}

Result<Bytes> PaceChip::transmit(const Bytes& command) {
  const ByteView data = ByteView(command).subspan(5, command[4]);
  if (command[1] == 0x22) {
    mseData.assign(data.begin(), data.end());
    return sw(0x9000);
  }
  const Tlv inside = findTlv(data, {0x7C}).value();
  const ByteView value = inside.value.empty() ? ByteView{} : parseTlv(inside.value).value().value;
  switch (step_++) {
    case 0: {
      nonce_.resize(16);
      RAND_bytes(nonce_.data(), 16);
      const Bytes kPi = deriveKey(password_, cipher_, KdfCounter::Password);
      return answer(0x80, aesCbcEncrypt(kPi, Bytes(16, 0), nonce_).value());
    }
    case 1: {  // G' = s·G + k·PK_map,IFD, PK_map,IC = k·G
      Bn k = randomScalar(group_.get());
      Bn s(BN_bin2bn(nonce_.data(), static_cast<int>(nonce_.size()), nullptr), BN_free);
      auto terminal = decode(value);
      auto h = decode(value);
      EC_POINT_mul(group_.get(), h.get(), nullptr, terminal.get(), k.get(), nullptr);
      generator_.reset(EC_POINT_new(group_.get()));
      Bn one(BN_new(), BN_free);
      BN_one(one.get());
      EC_POINT_mul(group_.get(), generator_.get(), s.get(), h.get(), one.get(), nullptr);
      auto mine = decode(value);
      EC_POINT_mul(group_.get(), mine.get(), k.get(), nullptr, nullptr, nullptr);
      return answer(0x82, point(mine.get()));
    }
    case 2: {  // PK_DH,IC = k·G', K = x(k·PK_DH,IFD)
      Bn k = randomScalar(group_.get());
      terminalKey_.assign(value.begin(), value.end());
      auto mine = decode(value);
      EC_POINT_mul(group_.get(), mine.get(), nullptr, generator_.get(), k.get(), nullptr);
      chipKey_ = point(mine.get());
      auto peer = decode(value);
      auto shared = decode(value);
      EC_POINT_mul(group_.get(), shared.get(), nullptr, peer.get(), k.get(), nullptr);
      const Bytes sharedPoint = point(shared.get());
      const Bytes x(sharedPoint.begin() + 1,
                    sharedPoint.begin() + 1 + static_cast<std::ptrdiff_t>(sharedPoint.size() / 2));
      kEnc = deriveKey(x, cipher_, KdfCounter::Enc);
      pendingMac_ = deriveKey(x, cipher_, KdfCounter::Mac);
      return answer(0x84, chipKey_);
    }
    default: {
      if (Bytes(value.begin(), value.end()) != token(pendingMac_, chipKey_)) {
        kEnc.clear();
        return sw(0x6300);
      }
      kMac = pendingMac_;
      return answer(0x86, token(kMac, terminalKey_));
    }
  }
}

}  // namespace onestop::emrtd::testing
