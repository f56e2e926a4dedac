#include "reader_features.hpp"

#include <PCSC/reader.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "atr_info.hpp"
#include "scard_call.hpp"

namespace onestop::pcsc {
namespace {

constexpr std::uint32_t kExtendedOverhead = 4 + 3 + 2;  // header, 3-byte Lc, 2-byte Le

onestop_reader_features shortOnly(std::optional<std::uint32_t> readerMax) {
  onestop_reader_features f{};
  f.struct_size = sizeof(f);
  f.max_command_apdu = kShortCommandMax;
  f.max_response_apdu = kShortResponseMax;
  if (readerMax && *readerMax >= 5 && *readerMax < kShortCommandMax)
    f.max_command_apdu = *readerMax;
  return f;
}

}  // namespace

onestop_reader_features computeFeatures(const ReaderLimits& limits,
                                        std::span<const std::uint8_t> atr) {
  std::optional<std::uint32_t> readerMax = limits.maxInput;
  if (limits.maxApduDataSize) {
    if (*limits.maxApduDataSize == 0) return shortOnly(std::nullopt);  // the reader says: short
    readerMax = *limits.maxApduDataSize + kExtendedOverhead;
  }
  if (!readerMax || *readerMax <= kShortCommandMax || !atrAnnouncesExtendedLength(atr)) {
    return shortOnly(readerMax);
  }
  onestop_reader_features f = shortOnly(std::nullopt);
  f.extended_length = 1;
  f.max_command_apdu = std::min(*readerMax, kExtendedCommandMax);
  f.max_response_apdu = kExtendedResponseMax;
  return f;
}

std::optional<std::uint32_t> featureControlCode(std::span<const std::uint8_t> reply,
                                                std::uint8_t feature) {
  for (std::size_t i = 0; i + 6 <= reply.size(); i += 6) {
    if (reply[i] != feature || reply[i + 1] != 4) continue;
    return static_cast<std::uint32_t>(reply[i + 2]) << 24 |
           static_cast<std::uint32_t>(reply[i + 3]) << 16 |
           static_cast<std::uint32_t>(reply[i + 4]) << 8 | reply[i + 5];
  }
  return std::nullopt;
}

std::optional<std::uint32_t> tlvProperty(std::span<const std::uint8_t> reply, std::uint8_t tag) {
  for (std::size_t i = 0; i + 2 <= reply.size();) {
    const std::size_t len = reply[i + 1];
    if (i + 2 + len > reply.size()) return std::nullopt;
    if (reply[i] == tag && len >= 1 && len <= 4) {
      std::uint32_t value = 0;
      for (std::size_t k = len; k > 0; --k) value = value << 8 | reply[i + 1 + k];
      return value;
    }
    i += 2 + len;
  }
  return std::nullopt;
}

ReaderLimits queryReaderLimits(const std::string& readerName) {
  ReaderLimits limits;
  ScardContext context;
  if (!context.establish().ok()) return limits;
  ScardCard direct;
  if (!direct.connect(context, readerName, SCARD_SHARE_DIRECT, 0).ok()) return limits;
  std::vector<std::uint8_t> reply;
  if (direct.control(CM_IOCTL_GET_FEATURE_REQUEST, {}, reply).ok()) {
    const auto code = featureControlCode(reply, FEATURE_GET_TLV_PROPERTIES);
    if (code && direct.control(*code, {}, reply).ok()) {
      limits.maxApduDataSize = tlvProperty(reply, PCSCv2_PART10_PROPERTY_dwMaxAPDUDataSize);
    }
  }
  if (direct.getAttrib(SCARD_ATTR_MAXINPUT, reply).ok() && reply.size() >= sizeof(std::uint32_t)) {
    std::uint32_t maxInput = 0;
    std::memcpy(&maxInput, reply.data(), sizeof(maxInput));  // a DWORD in host order
    if (maxInput != 0) limits.maxInput = maxInput;
  }
  return limits;
}

}  // namespace onestop::pcsc
