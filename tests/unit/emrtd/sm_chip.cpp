#include "sm_chip.hpp"

#include <algorithm>
#include <stdexcept>

#include "onestop/emrtd/symmetric_crypto.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd::testing {
namespace {

Bytes must(Result<Bytes> r) {
  if (!r) throw std::runtime_error("SmChip: " + r.error().detail());
  return std::move(r).value();
}

Bytes statusOnly(std::uint16_t sw) {
  return {static_cast<std::uint8_t>(sw >> 8), static_cast<std::uint8_t>(sw & 0xFF)};
}

}  // namespace

void SmChip::increment() {
  for (auto it = ssc_.rbegin(); it != ssc_.rend(); ++it) {
    if (++*it != 0) break;
  }
}

Bytes SmChip::mac(ByteView data) const {
  const Bytes padded = padIso9797Method2(data, blockSize(algorithm_));
  if (algorithm_ == CipherAlgorithm::Des3) return must(retailMac(kMac_, padded));
  Bytes full = must(aesCmac(kMac_, padded));
  full.resize(8);
  return full;
}

Bytes SmChip::iv() const {
  return algorithm_ == CipherAlgorithm::Des3 ? Bytes(8, 0) : must(aesEncryptBlock(kEnc_, ssc_));
}

Bytes SmChip::encrypt(ByteView plain) const {
  const Bytes padded = padIso9797Method2(plain, blockSize(algorithm_));
  return algorithm_ == CipherAlgorithm::Des3 ? must(tdesCbcEncrypt(kEnc_, iv(), padded))
                                             : must(aesCbcEncrypt(kEnc_, iv(), padded));
}

Bytes SmChip::decrypt(ByteView cryptogram) const {
  const Bytes padded = algorithm_ == CipherAlgorithm::Des3
                           ? must(tdesCbcDecrypt(kEnc_, iv(), cryptogram))
                           : must(aesCbcDecrypt(kEnc_, iv(), cryptogram));
  return must(unpadIso9797Method2(padded));
}

Result<Bytes> SmChip::transmit(const Bytes& command) {
  if (command.size() > maxApduSize_) return Error(Reason::IoError, "SmChip: APDU too long");
  const bool extended = command.size() > 7 && command[4] == 0x00;
  if (extended && !extendedLength_) return Error(Reason::IoError, "SmChip: extended APDU");
  const std::size_t lc =
      extended ? static_cast<std::size_t>((command[5] << 8) | command[6]) : command[4];
  const std::size_t bodyStart = extended ? 7 : 5;
  const ByteView body = ByteView(command).subspan(bodyStart, lc);
  const auto objects = parseTlvList(body).value();
  increment();
  CommandApdu plain{
      static_cast<std::uint8_t>(command[0] & 0xF3), command[1], command[2], command[3], {}, 0};
  Bytes macInput = ssc_;
  append(macInput, padIso9797Method2(ByteView(command).first(4), blockSize(algorithm_)));
  std::size_t position = 0;
  for (const Tlv& object : objects) {
    const ByteView raw = body.subspan(position, object.size());
    position += object.size();
    if (object.tag == 0x8E) {
      if (mac(macInput) != Bytes(object.value.begin(), object.value.end())) {
        return statusOnly(0x6988);
      }
      continue;
    }
    append(macInput, raw);
    if (object.tag == 0x87) plain.data = decrypt(object.value.subspan(1));
    if (object.tag == 0x85) plain.data = decrypt(object.value);
    if (object.tag == 0x97) {
      std::size_t ne = 0;
      for (const std::uint8_t b : object.value) ne = (ne << 8) | b;
      plain.ne = ne != 0 ? ne : (object.value.size() == 1 ? 256 : 65536);
    }
  }
  const ResponseApdu answer = files_.send(plain).value();
  increment();
  Bytes out;
  if (!answer.data.empty()) {
    Bytes value;
    if ((plain.ins & 1) == 0) value.push_back(0x01);
    append(value, encrypt(answer.data));
    out = encodeTlv((plain.ins & 1) == 0 ? 0x87 : 0x85, value);
  }
  append(out, Bytes{0x99, 0x02});
  append(out, statusOnly(answer.sw));
  Bytes responseMacInput = ssc_;
  append(responseMacInput, out);
  append(out, encodeTlv(0x8E, mac(responseMacInput)));
  largestResponse_ = std::max(largestResponse_, out.size());
  append(out, statusOnly(answer.sw));
  return out;
}

}  // namespace onestop::emrtd::testing
