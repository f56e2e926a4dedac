#include "chip_secure_messaging.hpp"

#include <openssl/crypto.h>

#include "status_words.hpp"

namespace onestop::simulator::cccd {
namespace {

constexpr std::size_t kMacSize = 8;

bool oddIns(std::uint8_t ins) {
  return (ins & 0x01) != 0;
}

}  // namespace

ChipSecureMessaging::ChipSecureMessaging(SmCipher cipher, Bytes kEnc, Bytes kMac, Bytes ssc)
    : cipher_(cipher), kEnc_(std::move(kEnc)), kMac_(std::move(kMac)), ssc_(std::move(ssc)) {}

ChipSecureMessaging::~ChipSecureMessaging() {
  OPENSSL_cleanse(kEnc_.data(), kEnc_.size());
  OPENSSL_cleanse(kMac_.data(), kMac_.size());
}

void ChipSecureMessaging::incrementSsc() {
  for (auto it = ssc_.rbegin(); it != ssc_.rend(); ++it) {
    if (++*it != 0) break;
  }
}

Bytes ChipSecureMessaging::mac(ByteView data) const {
  const Bytes padded = pad(data, blockSize(cipher_));
  if (cipher_ == SmCipher::Des3) return retailMac(kMac_, padded);
  Bytes full = aesCmac(kMac_, padded);
  full.resize(kMacSize);
  return full;
}

Bytes ChipSecureMessaging::iv() const {
  if (cipher_ == SmCipher::Des3) return Bytes(8, 0);
  return aesEncryptBlock(kEnc_, ssc_);
}

std::variant<ChipCommand, std::uint16_t> ChipSecureMessaging::unwrap(const ChipCommand& command) {
  if (!command.secureMessaging()) return sw::kSmObjectsMissing;
  auto objects = parseAll(command.data);
  if (!objects) return sw::kSmObjectsIncorrect;
  const ChipTlv* cryptogram = nullptr;
  const ChipTlv* expectedLength = nullptr;
  const ChipTlv* checksum = nullptr;
  std::size_t macEnd = 0;
  for (const ChipTlv& object : *objects) {
    if (checksum != nullptr) return sw::kSmObjectsIncorrect;  // nothing may follow DO'8E'
    if ((object.tag == 0x87 || object.tag == 0x85) && cryptogram == nullptr &&
        expectedLength == nullptr) {
      cryptogram = &object;
    } else if (object.tag == 0x97 && expectedLength == nullptr) {
      expectedLength = &object;
    } else if (object.tag == 0x8E) {
      checksum = &object;
      continue;
    } else {
      return sw::kSmObjectsIncorrect;
    }
    macEnd += object.size;
  }
  if (checksum == nullptr) return sw::kSmObjectsMissing;
  if (checksum->value.size() != kMacSize) return sw::kSmObjectsIncorrect;

  incrementSsc();
  const std::size_t block = blockSize(cipher_);
  Bytes macInput = ssc_;
  const Bytes header{command.cla, command.ins, command.p1, command.p2};
  append(macInput, pad(header, block));
  append(macInput, ByteView(command.data).first(macEnd));
  if (!sameBytes(mac(macInput), checksum->value)) return sw::kSmObjectsIncorrect;

  ChipCommand plain{static_cast<std::uint8_t>(command.cla & ~0x0C),
                    command.ins,
                    command.p1,
                    command.p2,
                    {},
                    0,
                    command.extended};
  if (cryptogram != nullptr) {
    ByteView value = cryptogram->value;
    if (cryptogram->tag == 0x87) {
      if (oddIns(command.ins) || value.empty() || value[0] != 0x01) return sw::kSmObjectsIncorrect;
      value = value.subspan(1);
    } else if (!oddIns(command.ins)) {
      return sw::kSmObjectsIncorrect;  // DO'85' carries the data of odd instructions only
    }
    if (value.empty() || value.size() % block != 0) return sw::kSmObjectsIncorrect;
    auto data = unpad(cbcDecrypt(cipher_, kEnc_, iv(), value));
    if (!data) return sw::kSmObjectsIncorrect;
    plain.data = std::move(*data);
  }
  if (expectedLength != nullptr) {
    const ByteView le = expectedLength->value;
    if (le.size() == 1) {
      plain.ne = le[0] == 0 ? 256 : le[0];
    } else if (le.size() == 2) {
      const std::size_t value = (static_cast<std::size_t>(le[0]) << 8) | le[1];
      plain.ne = value == 0 ? 65536 : value;
    } else if (!le.empty()) {
      return sw::kSmObjectsIncorrect;
    }
  }
  return plain;
}

Bytes ChipSecureMessaging::wrap(ByteView data, std::uint16_t status) {
  incrementSsc();
  Bytes body;
  if (!data.empty()) {
    Bytes value{0x01};  // padding-content indicator
    append(value, cbcEncrypt(cipher_, kEnc_, iv(), pad(data, blockSize(cipher_))));
    append(body, tlv(0x87, value));
  }
  const Bytes statusWord{static_cast<std::uint8_t>(status >> 8), static_cast<std::uint8_t>(status)};
  append(body, tlv(0x99, statusWord));
  Bytes macInput = ssc_;
  append(macInput, body);
  append(body, tlv(0x8E, mac(macInput)));
  return respond(body, status);
}

}  // namespace onestop::simulator::cccd
