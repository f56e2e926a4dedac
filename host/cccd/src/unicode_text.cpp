#include "onestop/cccd/unicode_text.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <cstdint>

namespace onestop::cccd {
namespace {

// Length of the sequence a lead byte starts and the allowed range of its second byte
// (Unicode Table 3-7, "Well-Formed UTF-8 Byte Sequences"); 0 for a byte that cannot lead.
// ICU counts in int32_t; card texts are a few hundred bytes.
constexpr std::size_t kMaxTextBytes = std::size_t{1} << 24;

struct Lead {
  std::size_t length;
  std::uint8_t secondMin;
  std::uint8_t secondMax;
};

Lead leadOf(std::uint8_t b) {
  if (b < 0x80) return {1, 0, 0};
  if (b >= 0xC2 && b <= 0xDF) return {2, 0x80, 0xBF};
  if (b == 0xE0) return {3, 0xA0, 0xBF};
  if (b == 0xED) return {3, 0x80, 0x9F};  // no surrogates
  if (b >= 0xE1 && b <= 0xEF) return {3, 0x80, 0xBF};
  if (b == 0xF0) return {4, 0x90, 0xBF};
  if (b >= 0xF1 && b <= 0xF3) return {4, 0x80, 0xBF};
  if (b == 0xF4) return {4, 0x80, 0x8F};  // nothing above U+10FFFF
  return {0, 0, 0};
}

}  // namespace

std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    const Lead lead = leadOf(static_cast<std::uint8_t>(bytes[pos]));
    if (lead.length == 0 || bytes.size() - pos < lead.length) return pos;
    for (std::size_t i = 1; i < lead.length; ++i) {
      const auto b = static_cast<std::uint8_t>(bytes[pos + i]);
      const std::uint8_t min = i == 1 ? lead.secondMin : std::uint8_t{0x80};
      const std::uint8_t max = i == 1 ? lead.secondMax : std::uint8_t{0xBF};
      if (b < min || b > max) return pos;
    }
    pos += lead.length;
  }
  return std::nullopt;
}

Result<std::string> toNfc(std::string_view utf8) {
  if (const auto bad = firstInvalidUtf8(utf8)) {
    return Error(Reason::ValidationFailed, "text: invalid UTF-8 at byte " + std::to_string(*bad));
  }
  if (utf8.size() > kMaxTextBytes) {
    return Error(Reason::ValidationFailed, "text: longer than " + std::to_string(kMaxTextBytes));
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) {
    return Error(Reason::Internal,
                 std::string("text: ICU NFC unavailable: ") + u_errorName(status));
  }
  const icu::StringPiece input(utf8.data(), static_cast<std::int32_t>(utf8.size()));
  if (nfc->isNormalizedUTF8(input, status) && U_SUCCESS(status)) return std::string(utf8);
  status = U_ZERO_ERROR;
  std::string out;
  icu::StringByteSink<std::string> sink(&out, static_cast<std::int32_t>(utf8.size()));
  nfc->normalizeUTF8(0, input, sink, nullptr, status);
  if (U_FAILURE(status)) {
    return Error(Reason::Internal, std::string("text: ICU NFC failed: ") + u_errorName(status));
  }
  return out;
}

Result<std::string> toMrzName(std::string_view utf8) {
  if (const auto bad = firstInvalidUtf8(utf8)) {
    return Error(Reason::ValidationFailed, "text: invalid UTF-8 at byte " + std::to_string(*bad));
  }
  if (utf8.size() > kMaxTextBytes) {
    return Error(Reason::ValidationFailed, "text: longer than " + std::to_string(kMaxTextBytes));
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || nfd == nullptr) {
    return Error(Reason::Internal,
                 std::string("text: ICU NFD unavailable: ") + u_errorName(status));
  }
  const icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(
                         icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size()))),
                     status);
  if (U_FAILURE(status)) {
    return Error(Reason::Internal, std::string("text: ICU NFD failed: ") + u_errorName(status));
  }
  constexpr char16_t kCapitalDStroke = 0x0110;
  constexpr char16_t kSmallDStroke = 0x0111;
  std::string out;
  bool pendingSpace = false;
  for (std::int32_t i = 0; i < decomposed.length(); ++i) {
    const char16_t c = decomposed.charAt(i);
    if (c >= 0x0300 && c <= 0x036F) continue;  // combining marks: the diacritics
    char ascii = 0;
    if (c == kCapitalDStroke || c == kSmallDStroke) {
      ascii = 'D';
    } else if (c >= u'a' && c <= u'z') {
      ascii = static_cast<char>(c - u'a' + 'A');
    } else if ((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')) {
      ascii = static_cast<char>(c);
    }
    if (ascii == 0) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) out.push_back(' ');
    pendingSpace = false;
    out.push_back(ascii);
  }
  return out;
}

}  // namespace onestop::cccd
