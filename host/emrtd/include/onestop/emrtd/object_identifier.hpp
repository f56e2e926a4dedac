#pragma once

#include <string>
#include <string_view>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd {

// ASN.1 OBJECT IDENTIFIER content bytes (the value of tag 06, without tag and length) to the
// dotted form "0.4.0.127.0.7.2.2.4.2.2", through OpenSSL. Empty or malformed content (a
// truncated or non-minimal sub-identifier) is Reason::ValidationFailed.
Result<std::string> oidToDotted(ByteView content);

// The content bytes of a dotted OID (for MSE:Set AT, encoders and tests). A malformed text is
// Reason::ValidationFailed.
Result<Bytes> oidContent(std::string_view dotted);

}  // namespace onestop::emrtd
