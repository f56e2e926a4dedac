#include "onestop/transport/handshake_policy.hpp"

#include <openssl/crypto.h>

#include <algorithm>

namespace onestop::transport {
namespace {

bool tokenEquals(const std::string& presented, const std::string& expected) {
  if (expected.empty() || presented.size() != expected.size()) return false;
  return CRYPTO_memcmp(presented.data(), expected.data(), expected.size()) == 0;
}

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

HandshakePolicy::HandshakePolicy(std::vector<AllowedOrigin> allowed,
                                 std::vector<std::string> extraHosts, std::string token)
    : allowed_(std::move(allowed)),
      hostNames_{"127.0.0.1", "localhost", "[::1]"},
      token_(std::move(token)) {
  for (auto& h : extraHosts) hostNames_.push_back(lowercase(std::move(h)));
}

void HandshakePolicy::setPort(std::uint16_t port) {
  port_ = port;
}

bool HandshakePolicy::isAllowedHost(const std::string& hostHeader) const {
  const auto host = lowercase(hostHeader);
  const auto suffix = ":" + std::to_string(port_);
  return std::any_of(hostNames_.begin(), hostNames_.end(),
                     [&](const std::string& name) { return host == name + suffix; });
}

std::optional<AllowedOrigin> HandshakePolicy::findOrigin(const std::string& origin) const {
  // The console is served by us, so its own origins are always allowed with every family.
  for (const char* own : {"http://127.0.0.1:", "http://localhost:", "http://[::1]:"}) {
    if (origin == own + std::to_string(port_)) return AllowedOrigin{origin, {"*"}};
  }
  for (const auto& entry : allowed_) {
    if (entry.origin == origin) return entry;
  }
  return std::nullopt;
}

HandshakeDecision HandshakePolicy::evaluate(const HandshakeRequest& request) const {
  HandshakeDecision decision;
  if (!isAllowedHost(request.host)) {
    decision.reason = "HOST_FORBIDDEN";
    return decision;
  }
  if (request.origin) {
    // "null" (sandboxed frames, file://) never matches: it is not an origin we can hold to account.
    auto match = findOrigin(*request.origin);
    if (!match) {
      decision.reason = "ORIGIN_FORBIDDEN";
      return decision;
    }
    decision.allowed = true;
    decision.httpStatus = 101;
    decision.origin = match->origin;
    decision.families = match->families;
    return decision;
  }
  static constexpr std::string_view kBearer = "Bearer ";
  if (!request.authorization) {
    decision.httpStatus = 401;
    decision.reason = "TOKEN_REQUIRED";
    return decision;
  }
  const auto& auth = *request.authorization;
  if (auth.rfind(kBearer, 0) != 0 || !tokenEquals(auth.substr(kBearer.size()), token_)) {
    decision.httpStatus = 401;
    decision.reason = "TOKEN_INVALID";
    return decision;
  }
  decision.allowed = true;
  decision.httpStatus = 101;
  decision.families = {"*"};
  return decision;
}

}  // namespace onestop::transport
