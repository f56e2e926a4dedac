#include "onestop/emrtd/secure_messaging.hpp"

#include <openssl/crypto.h>

#include <optional>
#include <string>

#include "onestop/emrtd/symmetric_crypto.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd {
namespace {

constexpr std::size_t kMacLength = 8;
constexpr std::size_t kDo99Size = 4;
constexpr std::size_t kDo8eSize = 2 + kMacLength;

Error smError(const std::string& what) {
  return Error(Reason::IoError, "secure messaging: " + what);
}

bool oddIns(const CommandApdu& command) {
  return (command.ins & 0x01) != 0;
}

// DO'97': Ne in one byte (256 -> 00) or, above 256, two bytes (65536 -> 0000).
Bytes leObject(std::size_t ne) {
  if (ne > CommandApdu::kMaxShortNe) {
    return {0x97, 0x02, static_cast<std::uint8_t>(ne >> 8), static_cast<std::uint8_t>(ne)};
  }
  return {0x97, 0x01, static_cast<std::uint8_t>(ne)};
}

// The data objects of a protected response, in the order ICAO allows: [DO'87'/'85'] [DO'99']
// DO'8E', each at most once, DO'8E' last.
struct ProtectedObjects {
  std::optional<ByteView> cryptogram;   // padding indicator already removed
  std::optional<std::uint16_t> status;  // DO'99'
  ByteView checksum;                    // DO'8E'
  std::size_t macEnd = 0;               // bytes covered by the MAC
};

Result<ProtectedObjects> protectedObjects(ByteView data) {
  auto objects = parseTlvList(data);
  if (!objects) return smError("malformed response (" + objects.error().detail() + ")");
  ProtectedObjects out;
  bool checksum = false;
  for (const Tlv& object : *objects) {
    if (checksum) return smError("data object after DO'8E'");
    if (object.tag == 0x87 || object.tag == 0x85) {
      if (out.cryptogram || out.status) return smError("misplaced or repeated DO'87'");
      ByteView value = object.value;
      if (object.tag == 0x87) {
        if (value.empty() || value[0] != 0x01) {
          return smError("DO'87' without padding-content indicator 01");
        }
        value = value.subspan(1);
      }
      out.cryptogram = value;
    } else if (object.tag == 0x99) {
      if (out.status) return smError("repeated DO'99'");
      if (object.value.size() != 2) return smError("DO'99' is not 2 bytes");
      out.status = static_cast<std::uint16_t>((object.value[0] << 8) | object.value[1]);
    } else if (object.tag == 0x8E) {
      if (object.value.size() != kMacLength) return smError("DO'8E' is not 8 bytes");
      out.checksum = object.value;
      checksum = true;
      continue;
    } else {
      return smError("unexpected data object in the response");
    }
    out.macEnd += object.size();
  }
  if (!checksum) return smError("response without DO'8E'");
  return out;
}

}  // namespace

Result<SecureMessaging> SecureMessaging::create(CipherAlgorithm algorithm, Bytes kEnc, Bytes kMac,
                                                Bytes ssc) {
  const std::size_t keySize = keyLength(algorithm);
  if (kEnc.size() != keySize || kMac.size() != keySize) {
    return Error(Reason::Internal, "secure messaging: key length does not match the cipher");
  }
  if (ssc.size() != blockSize(algorithm)) {
    return Error(Reason::Internal, "secure messaging: SSC must be one cipher block long");
  }
  return SecureMessaging(algorithm, std::move(kEnc), std::move(kMac), std::move(ssc));
}

SecureMessaging::~SecureMessaging() {
  wipe(kEnc_);
  wipe(kMac_);
}

void SecureMessaging::incrementSsc() {
  for (auto it = ssc_.rbegin(); it != ssc_.rend(); ++it) {
    if (++*it != 0) break;  // carry into the next byte only on wrap-around
  }
}

Result<Bytes> SecureMessaging::mac(ByteView data) const {
  const Bytes padded = padIso9797Method2(data, blockSize(algorithm_));
  if (algorithm_ == CipherAlgorithm::Des3) return retailMac(kMac_, padded);
  auto full = aesCmac(kMac_, padded);
  if (!full) return full.error();
  full->resize(kMacLength);
  return full;
}

Result<Bytes> SecureMessaging::iv() const {
  if (algorithm_ == CipherAlgorithm::Des3) return Bytes(8, 0);
  return aesEncryptBlock(kEnc_, ssc_);
}

Result<Bytes> SecureMessaging::encrypt(ByteView plain) const {
  auto vector = iv();
  if (!vector) return vector.error();
  const Bytes padded = padIso9797Method2(plain, blockSize(algorithm_));
  if (algorithm_ == CipherAlgorithm::Des3) return tdesCbcEncrypt(kEnc_, *vector, padded);
  return aesCbcEncrypt(kEnc_, *vector, padded);
}

Result<Bytes> SecureMessaging::decrypt(ByteView cryptogram) const {
  if (cryptogram.empty() || cryptogram.size() % blockSize(algorithm_) != 0) {
    return smError("cryptogram is not a whole number of blocks");
  }
  auto vector = iv();
  if (!vector) return vector.error();
  auto padded = algorithm_ == CipherAlgorithm::Des3 ? tdesCbcDecrypt(kEnc_, *vector, cryptogram)
                                                    : aesCbcDecrypt(kEnc_, *vector, cryptogram);
  if (!padded) return padded.error();
  auto plain = unpadIso9797Method2(*padded);
  wipe(*padded);
  if (!plain) return smError("bad padding in the decrypted response");
  return plain;
}

std::size_t SecureMessaging::protectedResponseSize(std::size_t plain) const {
  std::size_t size = kDo99Size + kDo8eSize;
  if (plain == 0) return size;
  const std::size_t block = blockSize(algorithm_);
  const std::size_t value = 1 + (plain / block + 1) * block;  // indicator + padded cryptogram
  return size + 1 + encodeLength(value).size() + value;
}

std::size_t SecureMessaging::maxPlainResponse(std::size_t protectedResponseData) const {
  std::size_t plain = protectedResponseData;
  while (plain > 0 && protectedResponseSize(plain) > protectedResponseData) --plain;
  return plain;
}

Result<Bytes> SecureMessaging::wrap(const CommandApdu& command, bool extendedAllowed) {
  const std::size_t block = blockSize(algorithm_);
  std::size_t bodySize = kDo8eSize + (command.ne == 0 ? 0 : leObject(command.ne).size());
  if (!command.data.empty()) {
    const std::size_t value = (command.data.size() / block + 1) * block + (oddIns(command) ? 0 : 1);
    bodySize += 1 + encodeLength(value).size() + value;
  }
  const bool extended = command.needsExtendedLength() || bodySize > CommandApdu::kMaxShortData ||
                        protectedResponseSize(command.ne) > CommandApdu::kMaxShortNe;
  if (extended && !extendedAllowed) {
    return Error(Reason::NotSupported,
                 "secure messaging: the protected command needs extended length");
  }
  incrementSsc();
  const Bytes header{static_cast<std::uint8_t>(command.cla | 0x0C), command.ins, command.p1,
                     command.p2};
  Bytes body;
  if (!command.data.empty()) {
    auto encrypted = encrypt(command.data);
    if (!encrypted) return encrypted.error();
    Bytes value;
    if (!oddIns(command)) value.push_back(0x01);  // padding-content indicator
    append(value, *encrypted);
    append(body, encodeTlv(oddIns(command) ? 0x85 : 0x87, value));
  }
  if (command.ne != 0) append(body, leObject(command.ne));
  Bytes macInput = ssc_;
  append(macInput, padIso9797Method2(header, block));
  append(macInput, body);
  auto checksum = mac(macInput);
  if (!checksum) return checksum.error();
  append(body, encodeTlv(0x8E, *checksum));
  const CommandApdu protectedCommand{
      header[0],       header[1],
      header[2],       header[3],
      std::move(body), extended ? CommandApdu::kMaxExtendedNe : CommandApdu::kMaxShortNe};
  return protectedCommand.encode(extended);
}

Result<ResponseApdu> SecureMessaging::unwrap(ByteView response) {
  auto raw = ResponseApdu::parse(response);
  if (!raw) return raw.error();
  if (raw->data.empty()) {
    if (raw->ok()) return smError("unprotected 9000 response");
    return raw;  // a plain status word: the card reports an error
  }
  auto objects = protectedObjects(raw->data);
  if (!objects) return objects.error();
  incrementSsc();
  Bytes macInput = ssc_;
  append(macInput, ByteView(raw->data).first(objects->macEnd));
  auto expected = mac(macInput);
  if (!expected) return expected.error();
  if (CRYPTO_memcmp(expected->data(), objects->checksum.data(), kMacLength) != 0) {
    return smError("response MAC mismatch");
  }
  ResponseApdu out;
  out.sw = objects->status.value_or(raw->sw);
  if (objects->cryptogram) {
    auto plain = decrypt(*objects->cryptogram);
    if (!plain) return plain.error();
    out.data = std::move(*plain);
  }
  return out;
}

}  // namespace onestop::emrtd
