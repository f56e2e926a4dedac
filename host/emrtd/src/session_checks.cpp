#include "session_checks.hpp"

#include <algorithm>
#include <string>

#include "onestop/emrtd/active_authentication.hpp"
#include "onestop/emrtd/apdu.hpp"
#include "onestop/emrtd/dg14.hpp"
#include "onestop/emrtd/dg15.hpp"
#include "onestop/emrtd/object_identifier.hpp"

namespace onestop::emrtd {
namespace {

constexpr const char* kIdCaEcdh = "0.4.0.127.0.7.2.2.3.2";

Bytes minimalBigEndian(std::uint32_t value) {
  Bytes out;
  do {
    out.insert(out.begin(), static_cast<std::uint8_t>(value & 0xFF));
    value >>= 8;
  } while (value != 0);
  return out;
}

}  // namespace

Result<ChipAuthenticationKey> chipAuthenticationKeyOf(const SecurityInfos& dg14) {
  for (const auto& publicKey : dg14.chipAuthenticationPublicKeys) {
    if (publicKey.agreement != KeyAgreement::Ecdh) continue;
    std::string protocol = kIdCaEcdh;
    for (const auto& info : dg14.chipAuthentication) {
      if (info.agreement == KeyAgreement::Ecdh &&
          (!publicKey.keyId || !info.keyId || *info.keyId == *publicKey.keyId)) {
        protocol = info.oid;
        break;
      }
    }
    auto oid = oidContent(protocol);
    if (!oid) return oid.error();
    ChipAuthenticationKey key{publicKey.subjectPublicKeyInfo, std::move(oid).value(), {}};
    if (publicKey.keyId) key.keyId = minimalBigEndian(*publicKey.keyId);
    return key;
  }
  return Error(Reason::NotSupported, "DG14 announces no ECDH chip authentication key");
}

Result<void> runChipAuthentication(CardTransport& transport, SecureChannel& channel,
                                   ByteView dg14) {
  auto infos = parseDg14(dg14);
  if (!infos) return infos.error();
  auto key = chipAuthenticationKeyOf(*infos);
  if (!key) return key.error();
  auto probe = authenticateChip(transport, channel, *key);
  if (!probe) return probe.error();
  return Ok{};
}

namespace {

// The AA digest DG14's ActiveAuthenticationInfo names (SHA-256 when DG14 is absent or silent).
Result<std::string> activeAuthenticationHashOf(ByteView dg14) {
  Bytes hashOid;
  if (!dg14.empty()) {
    auto infos = parseDg14(dg14);
    if (infos && !infos->activeAuthentication.empty()) {
      auto oid = oidContent(infos->activeAuthentication.front().signatureAlgorithmOid);
      if (!oid) return oid.error();
      hashOid = std::move(oid).value();
    }
  }
  return activeAuthenticationHash(hashOid);
}

}  // namespace

Result<bool> verifyActiveAuthenticationFiles(ByteView dg15, ByteView dg14, ByteView challenge,
                                             ByteView signature) {
  auto key = parseDg15(dg15);
  if (!key) return key.error();
  auto hash = activeAuthenticationHashOf(dg14);
  if (!hash) return hash.error();
  return verifyActiveAuthentication(key->subjectPublicKeyInfo, challenge, signature, *hash);
}

Result<ActiveAuthenticationAnswer> runActiveAuthentication(ApduChannel& channel, ByteView dg15,
                                                           ByteView dg14, ByteView challenge) {
  auto key = parseDg15(dg15);
  if (!key) return key.error();
  auto hash = activeAuthenticationHashOf(dg14);
  if (!hash) return hash.error();
  CommandApdu command = apdu::internalAuthenticate(challenge);
  command.ne = std::min(command.ne, channel.maxResponseData());
  auto response = channel.send(command);
  if (!response) return response.error();
  if (response->sw != kSwSuccess) return statusError(response->sw, "INTERNAL AUTHENTICATE");
  auto valid =
      verifyActiveAuthentication(key->subjectPublicKeyInfo, challenge, response->data, *hash);
  if (!valid) return valid.error();
  return ActiveAuthenticationAnswer{response->data, *valid};
}

}  // namespace onestop::emrtd
