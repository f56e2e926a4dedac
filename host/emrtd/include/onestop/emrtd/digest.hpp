#pragma once

#include <string_view>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd {

// Message digests through OpenSSL EVP. `algorithm` is an OpenSSL name ("SHA1", "SHA256",
// "SHA384"...); an unknown one is Reason::NotSupported.
Result<Bytes> digest(std::string_view algorithm, ByteView data);

Bytes sha1(ByteView data);
Bytes sha256(ByteView data);

}  // namespace onestop::emrtd
