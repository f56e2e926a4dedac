#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "onestop/common/result.hpp"

namespace onestop::cccd {

// Offset of the first byte that breaks well-formed UTF-8 (RFC 3629: no overlong forms, no
// surrogates, nothing above U+10FFFF, no truncated sequence); nullopt when all is well-formed.
std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes);

// Unicode Normalization Form C (through ICU): decomposed Vietnamese such as
// "e" + U+0302 + U+0301 becomes "ế", so that equal names compare equal. Invalid UTF-8 is
// Reason::ValidationFailed naming the byte offset (never the text).
Result<std::string> toNfc(std::string_view utf8);

// A Vietnamese name as the MRZ spells it (cccd.md §2.1): diacritics dropped (through ICU NFD),
// Đ/đ as D, upper case, every run of other characters as one space, trimmed:
// "Trần Thị Bích Ngọc" -> "TRAN THI BICH NGOC". Invalid UTF-8 is Reason::ValidationFailed.
Result<std::string> toMrzName(std::string_view utf8);

}  // namespace onestop::cccd
