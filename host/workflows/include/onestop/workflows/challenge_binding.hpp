#pragma once
// Binds a chip's Active Authentication to the web app's server (design.md §3): the server sends
// a fresh nonce, the chip signs the first 8 bytes of SHA-256(challenge ‖ origin), and the server
// re-checks the signature against DG15 — proof that a genuine chip answered now, for its origin.
#include <cstddef>
#include <string>
#include <string_view>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::workflows {

// INTERNAL AUTHENTICATE takes an 8-byte challenge (ICAO 9303-11 §6.1).
inline constexpr std::size_t kActiveAuthenticationChallengeBytes = 8;

// 16 to 128 characters of [A-Za-z0-9_-] (base64url or hex of at least 12 random bytes). The
// alphabet has no ':' or '/', so `challenge ‖ origin` cannot be split two ways.
Result<void> validateChallenge(std::string_view challenge);

// SHA-256 over the challenge's ASCII bytes followed by the origin's UTF-8 bytes (the origin is
// empty for token clients such as the CLI).
emrtd::Bytes bindingDigest(std::string_view challenge, std::string_view origin);

// The 8-byte INTERNAL AUTHENTICATE challenge: the first 8 bytes of bindingDigest.
emrtd::Bytes activeAuthenticationChallenge(std::string_view challenge, std::string_view origin);

}  // namespace onestop::workflows
