#include "onestop/cccd/unicode_text.hpp"

#include <gtest/gtest.h>

namespace onestop::cccd {
namespace {

std::string nfc(std::string_view text) {
  auto normalized = toNfc(text);
  EXPECT_TRUE(normalized.ok()) << normalized.error().detail();
  return normalized.ok() ? *normalized : std::string{};
}

TEST(UnicodeText, ComposesBaseLetterModifierAndToneMark) {
  EXPECT_EQ(nfc("e\xCC\x82\xCC\x81"), "ế");  // e + circumflex + acute
  EXPECT_EQ(nfc("a\xCC\x86\xCC\x80"), "ằ");  // a + breve + grave
  EXPECT_EQ(nfc("u\xCC\x9B\xCC\x89"), "ử");  // u + horn + hook above
  EXPECT_EQ(nfc("O\xCC\x9B\xCC\xA3"), "Ợ");  // O + horn + dot below
}

TEST(UnicodeText, ComposesToneMarkOnPrecomposedLetter) {
  EXPECT_EQ(nfc("\xC3\xA2\xCC\x81"), "ấ");  // â + acute
  EXPECT_EQ(nfc("\xC6\xB0\xCC\x83"), "ữ");  // ư + tilde
}

TEST(UnicodeText, ReordersMarksTypedToneFirst) {
  EXPECT_EQ(nfc("a\xCC\xA3\xCC\x82"), "ậ");  // a + dot below + circumflex (canonical order)
  EXPECT_EQ(nfc("o\xCC\xA3\xCC\x9B"), "ợ");  // o + dot below + horn
}

TEST(UnicodeText, LeavesComposedTextUnchanged) {
  EXPECT_EQ(nfc("Đặng Quốc Bảo, Thừa Thiên Huế"), "Đặng Quốc Bảo, Thừa Thiên Huế");
  EXPECT_EQ(nfc(""), "");
}

TEST(UnicodeText, RefusesInvalidUtf8NamingTheOffset) {
  auto normalized = toNfc("ab\xFF");

  ASSERT_FALSE(normalized.ok());
  EXPECT_EQ(normalized.error().reason(), Reason::ValidationFailed);
  EXPECT_EQ(normalized.error().detail(), "text: invalid UTF-8 at byte 2");
}

TEST(UnicodeText, FindsFirstInvalidSequence) {
  EXPECT_FALSE(firstInvalidUtf8("Việt Nam").has_value());
  EXPECT_EQ(firstInvalidUtf8("\xC0\xAF"), 0U);                     // overlong '/'
  EXPECT_EQ(firstInvalidUtf8("a\xED\xA0\x80"), 1U);                // surrogate U+D800
  EXPECT_EQ(firstInvalidUtf8("ab\xF4\x90\x80\x80"), 2U);           // above U+10FFFF
  EXPECT_EQ(firstInvalidUtf8("abc\xE1\x80"), 3U);                  // truncated at the end
  EXPECT_EQ(firstInvalidUtf8("\x80"), 0U);                         // lone continuation byte
  EXPECT_FALSE(firstInvalidUtf8("\xF0\x9F\x98\x80").has_value());  // U+1F600
}

}  // namespace
}  // namespace onestop::cccd
