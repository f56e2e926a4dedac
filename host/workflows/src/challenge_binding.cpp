#include "onestop/workflows/challenge_binding.hpp"

#include <algorithm>

#include "onestop/emrtd/digest.hpp"

namespace onestop::workflows {

namespace {
constexpr std::size_t kMinChallenge = 16;
constexpr std::size_t kMaxChallenge = 128;
}  // namespace

Result<void> validateChallenge(std::string_view challenge) {
  if (challenge.size() < kMinChallenge || challenge.size() > kMaxChallenge) {
    return Error(Reason::ValidationFailed, "challenge: 16 to 128 characters");
  }
  const bool alphabet = std::all_of(challenge.begin(), challenge.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
  if (!alphabet) return Error(Reason::ValidationFailed, "challenge: only A-Z a-z 0-9 _ -");
  return Ok{};
}

emrtd::Bytes bindingDigest(std::string_view challenge, std::string_view origin) {
  emrtd::Bytes message(challenge.begin(), challenge.end());
  message.insert(message.end(), origin.begin(), origin.end());
  return emrtd::sha256(message);
}

emrtd::Bytes activeAuthenticationChallenge(std::string_view challenge, std::string_view origin) {
  auto digest = bindingDigest(challenge, origin);
  digest.resize(kActiveAuthenticationChallengeBytes);
  return digest;
}

}  // namespace onestop::workflows
