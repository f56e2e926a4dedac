#include "pace_responder.hpp"

#include <openssl/crypto.h>

#include "status_words.hpp"

namespace onestop::simulator::cccd {
namespace {

constexpr std::uint8_t kPasswordMrz = 0x01;
constexpr std::uint8_t kPasswordCan = 0x02;

PaceResponder::Step refuse(std::uint16_t status) {
  PaceResponder::Step step;
  step.status = status;
  return step;
}

PaceResponder::Step answer(std::uint32_t tag, ByteView value) {
  PaceResponder::Step step;
  step.data = tlv(0x7C, tlv(tag, value));
  return step;
}

ByteView asBytes(const std::string& text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

}  // namespace

PaceResponder::PaceResponder(PaceSetup setup, std::string mrzInformation, std::string can)
    : setup_(std::move(setup)),
      mrzInformation_(std::move(mrzInformation)),
      can_(std::move(can)),
      curve_(ChipCurve::standard(setup_.parameterId)) {}

void PaceResponder::abort() {
  step_ = 0;
  OPENSSL_cleanse(password_.data(), password_.size());
  OPENSSL_cleanse(sharedSecret_.data(), sharedSecret_.size());
  password_.clear();
  sharedSecret_.clear();
  nonce_.reset();
  mappedGenerator_.reset();
}

std::uint16_t PaceResponder::setAuthenticationTemplate(ByteView data) {
  abort();
  auto objects = parseAll(data);
  if (!objects) return sw::kWrongData;
  std::optional<std::uint8_t> passwordType;
  bool protocolMatches = false;
  for (const ChipTlv& object : *objects) {
    if (object.tag == 0x80) {
      protocolMatches = Bytes(object.value.begin(), object.value.end()) == setup_.protocolOid;
    } else if (object.tag == 0x83 && object.value.size() == 1) {
      passwordType = object.value[0];
    } else if (object.tag == 0x84) {
      int id = 0;
      for (std::uint8_t byte : object.value) id = (id << 8) | byte;
      if (id != setup_.parameterId) return sw::kReferencedDataNotFound;
    }
  }
  if (!protocolMatches) return sw::kReferencedDataNotFound;
  if (passwordType == kPasswordMrz) {
    password_ = digest("SHA1", asBytes(mrzInformation_));  // 9303-11 §9.7.3: SHA-1(MRZ info)
  } else if (passwordType == kPasswordCan && !can_.empty()) {
    const ByteView can = asBytes(can_);
    password_.assign(can.begin(), can.end());
  } else {
    return sw::kReferencedDataNotFound;
  }
  step_ = 1;
  return sw::kOk;
}

PaceResponder::Step PaceResponder::generalAuthenticate(ByteView data) {
  auto wrapper = parseOne(data);
  if (!wrapper || wrapper->tag != 0x7C || wrapper->size != data.size()) {
    return refuse(sw::kWrongData);
  }
  auto inner = parseAll(wrapper->value);
  if (!inner) return refuse(sw::kWrongData);
  auto object = [&](std::uint32_t tag) -> std::optional<ByteView> {
    for (const ChipTlv& item : *inner) {
      if (item.tag == tag) return item.value;
    }
    return std::nullopt;
  };
  switch (step_) {
    case 1:
      if (!inner->empty()) return refuse(sw::kWrongData);
      return encryptedNonce();
    case 2:
      if (auto key = object(0x81)) return map(*key);
      return refuse(sw::kWrongData);
    case 3:
      if (auto key = object(0x83)) return agreeKey(*key);
      return refuse(sw::kWrongData);
    case 4:
      if (auto received = object(0x85)) return mutualAuthenticate(*received);
      return refuse(sw::kWrongData);
    default:
      return refuse(sw::kConditionsNotSatisfied);
  }
}

PaceResponder::Step PaceResponder::encryptedNonce() {
  const std::size_t block = blockSize(setup_.cipher);
  Bytes s = randomBytes(block);
  nonce_.reset(BN_bin2bn(s.data(), static_cast<int>(s.size()), nullptr));
  Bytes kPi = deriveKey(password_, setup_.cipher, KdfCounter::Password);
  const Bytes z = cbcEncrypt(setup_.cipher, kPi, Bytes(block, 0), s);
  OPENSSL_cleanse(kPi.data(), kPi.size());
  OPENSSL_cleanse(s.data(), s.size());
  step_ = 2;
  return answer(0x80, z);
}

PaceResponder::Step PaceResponder::map(ByteView terminalMappingKey) {
  EcPoint terminal = curve_.decode(terminalMappingKey);
  if (!terminal) {
    abort();
    return refuse(sw::kWrongData);
  }
  Bn secret = curve_.randomScalar();
  const EcPoint generator = curve_.generator();
  const Bytes chipMappingKey = curve_.encode(curve_.multiply(generator.get(), secret.get()).get());
  const EcPoint h = curve_.multiply(terminal.get(), secret.get());
  mappedGenerator_ = curve_.mapGenerator(nonce_.get(), h.get());
  step_ = 3;
  return answer(0x82, chipMappingKey);
}

PaceResponder::Step PaceResponder::agreeKey(ByteView terminalKey) {
  EcPoint terminal = curve_.decode(terminalKey);
  if (!terminal) {
    abort();
    return refuse(sw::kWrongData);
  }
  Bn secret = curve_.randomScalar();
  chipKey_ = curve_.encode(curve_.multiply(mappedGenerator_.get(), secret.get()).get());
  terminalKey_.assign(terminalKey.begin(), terminalKey.end());
  if (terminalKey_ == chipKey_) {  // 9303-11: the chip must refuse its own key reflected
    abort();
    return refuse(sw::kWrongData);
  }
  sharedSecret_ = curve_.xCoordinate(curve_.multiply(terminal.get(), secret.get()).get());
  step_ = 4;
  return answer(0x84, chipKey_);
}

Bytes PaceResponder::token(ByteView kMac, ByteView point) const {
  Bytes inner = tlv(0x06, setup_.protocolOid);
  append(inner, tlv(0x86, point));
  Bytes mac = aesCmac(kMac, tlv(0x7F49, inner));
  mac.resize(8);
  return mac;
}

PaceResponder::Step PaceResponder::mutualAuthenticate(ByteView terminalToken) {
  Bytes kEnc = deriveKey(sharedSecret_, setup_.cipher, KdfCounter::Enc);
  Bytes kMac = deriveKey(sharedSecret_, setup_.cipher, KdfCounter::Mac);
  // The terminal's token covers the chip's key and the other way round.
  const bool genuine = sameBytes(token(kMac, chipKey_), terminalToken);
  const Bytes chipToken = token(kMac, terminalKey_);
  abort();
  if (!genuine) {
    OPENSSL_cleanse(kEnc.data(), kEnc.size());
    OPENSSL_cleanse(kMac.data(), kMac.size());
    return refuse(sw::kAuthenticationFailed);
  }
  Step step = answer(0x86, chipToken);
  step.session.emplace(setup_.cipher, std::move(kEnc), std::move(kMac),
                       Bytes(blockSize(setup_.cipher), 0));
  return step;
}

}  // namespace onestop::simulator::cccd
