#include "onestop/emrtd/apdu.hpp"

#include <cstdio>
#include <stdexcept>
#include <string>

namespace onestop::emrtd {
namespace {

std::uint8_t byteAt(std::size_t value, int shift) {
  return static_cast<std::uint8_t>((value >> shift) & 0xFF);
}

std::string hex4(std::uint16_t sw) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%04X", static_cast<unsigned>(sw));
  return buffer;
}

const char* statusText(std::uint16_t sw) {
  const auto sw1 = static_cast<std::uint8_t>(sw >> 8);
  switch (sw) {
    case 0x9000:
      return "success";
    case 0x6282:
      return "end of file reached before Ne bytes";
    case 0x6300:
      return "authentication failed";
    case 0x6581:
      return "memory failure";
    case 0x6700:
      return "wrong length";
    case 0x6881:
      return "logical channel not supported";
    case 0x6882:
      return "secure messaging not supported";
    case 0x6883:
      return "last command of the chain expected";
    case 0x6884:
      return "command chaining not supported";
    case 0x6982:
      return "security status not satisfied";
    case 0x6983:
      return "authentication method blocked";
    case 0x6984:
      return "reference data not usable";
    case 0x6985:
      return "conditions of use not satisfied";
    case 0x6987:
      return "expected secure messaging data objects missing";
    case 0x6988:
      return "secure messaging data objects incorrect";
    case 0x6A80:
      return "incorrect parameters in the data field";
    case 0x6A81:
      return "function not supported";
    case 0x6A82:
      return "file or application not found";
    case 0x6A86:
      return "incorrect parameters P1-P2";
    case 0x6A87:
      return "Lc inconsistent with P1-P2";
    case 0x6A88:
      return "referenced data not found";
    case 0x6B00:
      return "wrong parameters (offset outside the EF)";
    case 0x6D00:
      return "instruction not supported";
    case 0x6E00:
      return "class not supported";
    case 0x6F00:
      return "no precise diagnosis";
    default:
      break;
  }
  if (sw1 == 0x63 && (sw & 0xF0) == 0xC0) return "verification failed, retries left in SW2";
  if (sw1 == 0x6C) return "wrong Le, exact length in SW2";
  if (sw1 == 0x61) return "response bytes still available";
  return "unknown status";
}

Reason statusReason(std::uint16_t sw) {
  const auto sw1 = static_cast<std::uint8_t>(sw >> 8);
  switch (sw) {
    case 0x6300:
    case 0x6983:
    case 0x6984:
      return Reason::AccessKeyRejected;
    case 0x6982:
    case 0x6A82:
    case 0x6A81:
    case 0x6A88:
    case 0x6D00:
    case 0x6E00:
    case 0x6881:
    case 0x6882:
    case 0x6883:
    case 0x6884:
      return Reason::NotSupported;
    case 0x6985:
      return Reason::InvalidState;
    default:
      break;
  }
  if (sw1 == 0x63 && (sw & 0xF0) == 0xC0) return Reason::AccessKeyRejected;
  return Reason::IoError;
}

}  // namespace

int CommandApdu::isoCase() const {
  if (data.empty()) return ne == 0 ? 1 : 2;
  return ne == 0 ? 3 : 4;
}

bool CommandApdu::needsExtendedLength() const {
  return data.size() > kMaxShortData || ne > kMaxShortNe;
}

Bytes CommandApdu::encode(bool forceExtended) const {
  if (data.size() > kMaxExtendedData) throw std::length_error("CommandApdu: data too long");
  if (ne > kMaxExtendedNe) throw std::length_error("CommandApdu: Ne too large");
  const bool extended = forceExtended || needsExtendedLength();
  Bytes out{cla, ins, p1, p2};
  if (!data.empty()) {
    if (extended) {
      out.insert(out.end(), {0x00, byteAt(data.size(), 8), byteAt(data.size(), 0)});
    } else {
      out.push_back(static_cast<std::uint8_t>(data.size()));
    }
    append(out, data);
  }
  if (ne != 0) {
    if (extended) {
      if (data.empty()) out.push_back(0x00);  // case 2E: the 00 marks extended length
      out.insert(out.end(), {byteAt(ne, 8), byteAt(ne, 0)});  // 65536 -> 0000
    } else {
      out.push_back(byteAt(ne, 0));  // 256 -> 00
    }
  }
  return out;
}

Result<ResponseApdu> ResponseApdu::parse(ByteView raw) {
  if (raw.size() < 2) {
    return Error(Reason::IoError,
                 "response of " + std::to_string(raw.size()) + " bytes has no status word");
  }
  ResponseApdu out;
  out.data.assign(raw.begin(), raw.end() - 2);
  out.sw = static_cast<std::uint16_t>((raw[raw.size() - 2] << 8) | raw[raw.size() - 1]);
  return out;
}

Bytes ResponseApdu::encode() const {
  Bytes out = data;
  out.push_back(static_cast<std::uint8_t>(sw >> 8));
  out.push_back(static_cast<std::uint8_t>(sw & 0xFF));
  return out;
}

bool isSuccessOrWarning(std::uint16_t sw) {
  return sw == kSwSuccess || (sw >> 8) == 0x62;
}

std::string describeStatus(std::uint16_t sw) {
  return hex4(sw) + " " + statusText(sw);
}

Error statusError(std::uint16_t sw, std::string_view step) {
  return Error(statusReason(sw), std::string(step) + ": " + describeStatus(sw));
}

namespace apdu {

CommandApdu selectByAid(ByteView aid) {
  return CommandApdu{0x00, 0xA4, 0x04, 0x0C, Bytes(aid.begin(), aid.end()), 0};
}

CommandApdu selectByFid(std::uint16_t fid) {
  return CommandApdu{0x00, 0xA4, 0x02, 0x0C, {byteAt(fid, 8), byteAt(fid, 0)}, 0};
}

CommandApdu selectMasterFile() {
  return CommandApdu{0x00, 0xA4, 0x00, 0x0C, {0x3F, 0x00}, 0};
}

CommandApdu readBinary(std::size_t offset, std::size_t ne) {
  if (offset > 0x7FFF) throw std::out_of_range("readBinary: offset above 7FFF needs readBinaryOdd");
  return CommandApdu{0x00, 0xB0, byteAt(offset, 8), byteAt(offset, 0), {}, ne};
}

CommandApdu readBinarySfi(std::uint8_t sfi, std::size_t offset, std::size_t ne) {
  if (sfi == 0 || sfi > 30) throw std::out_of_range("readBinarySfi: SFI must be 1..30");
  if (offset > 0xFF) throw std::out_of_range("readBinarySfi: offset above FF");
  return CommandApdu{0x00, 0xB0, static_cast<std::uint8_t>(0x80 | sfi), byteAt(offset, 0), {}, ne};
}

CommandApdu readBinaryOdd(std::size_t offset, std::size_t ne) {
  if (offset > 0xFFFFFF) throw std::out_of_range("readBinaryOdd: offset above FFFFFF");
  Bytes offsetDo = offset > 0xFFFF
                       ? Bytes{0x54, 0x03, byteAt(offset, 16), byteAt(offset, 8), byteAt(offset, 0)}
                       : Bytes{0x54, 0x02, byteAt(offset, 8), byteAt(offset, 0)};
  return CommandApdu{0x00, 0xB1, 0x00, 0x00, std::move(offsetDo), ne};
}

CommandApdu getChallenge() {
  return CommandApdu{0x00, 0x84, 0x00, 0x00, {}, 8};
}

CommandApdu externalAuthenticate(ByteView data, std::size_t ne) {
  return CommandApdu{0x00, 0x82, 0x00, 0x00, Bytes(data.begin(), data.end()), ne};
}

CommandApdu internalAuthenticate(ByteView challenge) {
  return CommandApdu{
      0x00, 0x88, 0x00, 0x00, Bytes(challenge.begin(), challenge.end()), CommandApdu::kMaxShortNe};
}

CommandApdu mseSetAt(MseTarget target, ByteView data) {
  const auto p1p2 = static_cast<std::uint16_t>(target);
  return CommandApdu{0x00, 0x22, byteAt(p1p2, 8), byteAt(p1p2, 0), Bytes(data.begin(), data.end()),
                     0};
}

CommandApdu generalAuthenticate(ByteView data, bool lastInChain) {
  const std::uint8_t cla = lastInChain ? 0x00 : 0x10;
  const std::size_t ne = data.size() > CommandApdu::kMaxShortData ? CommandApdu::kMaxExtendedNe
                                                                  : CommandApdu::kMaxShortNe;
  return CommandApdu{cla, 0x86, 0x00, 0x00, Bytes(data.begin(), data.end()), ne};
}

}  // namespace apdu

}  // namespace onestop::emrtd
