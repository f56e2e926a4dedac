#include "text_tools.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "onestop/cccd/unicode_text.hpp"

namespace onestop::procedures::text {
namespace {

const icu::Locale& vietnamese() {
  static const icu::Locale locale("vi", "VN");
  return locale;
}

Result<icu::UnicodeString> decode(std::string_view s) {
  auto normal = cccd::toNfc(s);  // also rejects invalid UTF-8
  if (!normal) return normal.error();
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(normal->data(), static_cast<std::int32_t>(normal->size())));
}

std::string encode(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

Result<std::string> nfc(std::string_view s) {
  return cccd::toNfc(s);
}

Result<std::string> upper(std::string_view s) {
  auto u = decode(s);
  if (!u) return u.error();
  return encode(u->toUpper(vietnamese()));
}

Result<std::string> lower(std::string_view s) {
  auto u = decode(s);
  if (!u) return u.error();
  return encode(u->toLower(vietnamese()));
}

Result<std::string> titleCase(std::string_view s) {
  auto u = decode(s);
  if (!u) return u.error();
  // Word by word on white space (names, places): ICU's word-break title casing would also
  // capitalise after apostrophes and hyphens, which Vietnamese names do not use that way.
  icu::UnicodeString out;
  bool startOfWord = true;
  for (std::int32_t i = 0; i < u->length();) {
    const UChar32 c = u->char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) != 0) {
      out.append(c);
      startOfWord = true;
      continue;
    }
    icu::UnicodeString one(c);
    out.append(startOfWord ? one.toUpper(vietnamese()) : one.toLower(vietnamese()));
    startOfWord = false;
  }
  return encode(out);
}

Result<std::string> fold(std::string_view s) {
  auto u = decode(s);
  if (!u) return u.error();
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return Error(Reason::Internal, "text: ICU NFD unavailable");
  const icu::UnicodeString decomposed = nfd->normalize(*u, status);
  if (U_FAILURE(status)) return Error(Reason::Internal, "text: ICU NFD failed");
  icu::UnicodeString out;
  bool pendingSpace = false;
  for (std::int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (u_isUWhiteSpace(c) != 0) {
      pendingSpace = !out.isEmpty();
      continue;
    }
    if (c == 0x0110 || c == 0x0111) c = 'd';  // Đ đ have no decomposition
    if (pendingSpace) out.append(static_cast<UChar>(' '));
    pendingSpace = false;
    out.append(u_tolower(c));
  }
  return encode(out);
}

std::string trim(std::string_view s) {
  auto u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())));
  std::int32_t begin = 0;
  std::int32_t end = u.length();
  while (begin < end && u_isUWhiteSpace(u.char32At(begin)) != 0) {
    begin += U16_LENGTH(u.char32At(begin));
  }
  while (end > begin) {
    const std::int32_t last = u.moveIndex32(end, -1);
    if (u_isUWhiteSpace(u.char32At(last)) == 0) break;
    end = last;
  }
  return encode(u.tempSubStringBetween(begin, end));
}

Result<std::size_t> length(std::string_view s) {
  auto u = decode(s);
  if (!u) return u.error();
  return static_cast<std::size_t>(u->countChar32());
}

}  // namespace onestop::procedures::text
