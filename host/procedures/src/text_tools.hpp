#pragma once

// Unicode-aware Vietnamese text helpers behind onestop.text (ICU). Inputs must be valid UTF-8;
// invalid input is Reason::ValidationFailed (the Lua binding raises it as an error).

#include <cstddef>
#include <string>
#include <string_view>

#include "onestop/common/result.hpp"

namespace onestop::procedures::text {

Result<std::string> nfc(std::string_view s);
Result<std::string> upper(std::string_view s);  // Vietnamese locale: "việt" -> "VIỆT"
Result<std::string> lower(std::string_view s);
Result<std::string> titleCase(std::string_view s);  // each word: first letter upper, rest lower
// Accents removed, đ -> d, lower case, runs of white space as one space, trimmed: the key for
// accent-insensitive comparison ("Thành phố  Hà Nội" -> "thanh pho ha noi").
Result<std::string> fold(std::string_view s);
std::string trim(std::string_view s);            // ASCII and Unicode white space at both ends
Result<std::size_t> length(std::string_view s);  // code points after NFC

}  // namespace onestop::procedures::text
