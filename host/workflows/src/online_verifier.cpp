#include "onestop/workflows/online_verifier.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

namespace onestop::workflows {
namespace {

// An app QR issued a little "in the future" is accepted: the phone's clock and ours differ.
constexpr std::chrono::seconds kClockSkewAllowance{60};

bool allDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

struct SimulatedAppQr {
  std::string idNumber;
  std::chrono::system_clock::time_point issued;
};

// "<12-digit ID>|<unix seconds>" after the prefix; nullopt when anything else.
std::optional<SimulatedAppQr> parseSimulatedAppQr(std::string_view text) {
  if (!text.starts_with(kSimulatedAppQrPrefix)) return std::nullopt;
  text.remove_prefix(kSimulatedAppQrPrefix.size());
  const std::size_t bar = text.find('|');
  if (bar == std::string_view::npos) return std::nullopt;
  const std::string_view id = text.substr(0, bar);
  const std::string_view issued = text.substr(bar + 1);
  if (id.size() != 12 || !allDigits(id) || !allDigits(issued) || issued.size() > 12) {
    return std::nullopt;
  }
  std::int64_t seconds = 0;
  std::from_chars(issued.data(), issued.data() + issued.size(), seconds);
  return SimulatedAppQr{std::string(id),
                        std::chrono::system_clock::time_point(std::chrono::seconds(seconds))};
}

}  // namespace

const char* onlineStatusName(OnlineStatus status) {
  switch (status) {
    case OnlineStatus::Active:
      return "ACTIVE";
    case OnlineStatus::Revoked:
      return "REVOKED";
    case OnlineStatus::Unknown:
      return "UNKNOWN";
    case OnlineStatus::Unavailable:
      return "UNAVAILABLE";
  }
  return "UNAVAILABLE";
}

Result<AppQrCheck> OnlineVerifier::checkAppQr(std::string_view /*text*/) {
  return Error(Reason::NotSupported, "this online verifier does not read app QR codes");
}

std::string makeSimulatedAppQr(std::string_view idNumber,
                               std::chrono::system_clock::time_point issued) {
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(issued.time_since_epoch()).count();
  return std::string(kSimulatedAppQrPrefix) + std::string(idNumber) + "|" + std::to_string(seconds);
}

SimulatedOnlineVerifier::SimulatedOnlineVerifier(std::set<std::string> revoked,
                                                 std::set<std::string> unknown, bool unavailable,
                                                 bool appQr, Clock now)
    : revoked_(std::move(revoked)),
      unknown_(std::move(unknown)),
      unavailable_(unavailable),
      appQr_(appQr),
      now_(std::move(now)) {}

OnlineStatus SimulatedOnlineVerifier::check(const OnlineQuery& query) {
  if (unavailable_) return OnlineStatus::Unavailable;
  if (revoked_.contains(query.idNumber)) return OnlineStatus::Revoked;
  if (unknown_.contains(query.idNumber)) return OnlineStatus::Unknown;
  return OnlineStatus::Active;
}

// Claims every text with the simulator's marker, malformed ones too: they are meant for this
// verifier, and its answer (ValidationFailed) says more than "not a card QR".
bool SimulatedOnlineVerifier::recognizesAppQr(std::string_view text) const {
  return appQr_ && text.starts_with(kSimulatedAppQrPrefix);
}

Result<AppQrCheck> SimulatedOnlineVerifier::checkAppQr(std::string_view text) {
  if (!recognizesAppQr(text)) return OnlineVerifier::checkAppQr(text);
  const auto qr = parseSimulatedAppQr(text);
  if (!qr) {
    return Error(Reason::ValidationFailed,
                 "simulated app QR: expected ONESTOP-SIM-VNEID/1|<12-digit ID>|<unix seconds>");
  }
  AppQrCheck result;
  result.validUntil = qr->issued + kSimulatedAppQrLifetime;
  const auto now = now_();
  if (unavailable_) {
    result.status = OnlineStatus::Unavailable;
    result.detail = "the simulated issuer does not answer";
    return result;
  }
  if (now > *result.validUntil) {
    result.status = OnlineStatus::Unknown;
    result.detail = "the app QR code expired (valid 5 minutes from issue); ask for a fresh one";
    return result;
  }
  if (qr->issued > now + kClockSkewAllowance) {
    result.status = OnlineStatus::Unknown;
    result.detail = "the app QR code was issued in the future";
    return result;
  }
  result.status = check(OnlineQuery{qr->idNumber, {}});
  if (result.status == OnlineStatus::Revoked) result.detail = "the issuer reports the card revoked";
  if (result.status == OnlineStatus::Unknown) result.detail = "the issuer does not know the ID";
  if (result.status == OnlineStatus::Active) result.idNumber = qr->idNumber;
  return result;
}

Result<std::unique_ptr<OnlineVerifier>> makeOnlineVerifier(const nlohmann::json& config) {
  if (config.is_null()) return std::unique_ptr<OnlineVerifier>();
  if (!config.is_object() || config.value("kind", std::string()) != "simulator") {
    return Error(Reason::ValidationFailed,
                 "eid.onlineVerifier: only kind \"simulator\" is built in");
  }
  const auto idSet = [&](const char* key) -> Result<std::set<std::string>> {
    std::set<std::string> out;
    const auto it = config.find(key);
    if (it == config.end()) return out;
    if (!it->is_array())
      return Error(Reason::ValidationFailed, std::string("eid.onlineVerifier.") + key);
    for (const auto& id : *it) {
      if (!id.is_string())
        return Error(Reason::ValidationFailed, std::string("eid.onlineVerifier.") + key);
      out.insert(id.get<std::string>());
    }
    return out;
  };
  auto revoked = idSet("revokedIdNumbers");
  if (!revoked) return revoked.error();
  auto unknown = idSet("unknownIdNumbers");
  if (!unknown) return unknown.error();
  const auto flag = [&](const char* key, bool fallback) -> Result<bool> {
    const auto it = config.find(key);
    if (it == config.end()) return fallback;
    if (!it->is_boolean())
      return Error(Reason::ValidationFailed, std::string("eid.onlineVerifier.") + key);
    return it->get<bool>();
  };
  auto unavailable = flag("unavailable", false);
  if (!unavailable) return unavailable.error();
  auto appQr = flag("appQr", true);
  if (!appQr) return appQr.error();
  return std::unique_ptr<OnlineVerifier>(std::make_unique<SimulatedOnlineVerifier>(
      std::move(revoked).value(), std::move(unknown).value(), *unavailable, *appQr));
}

}  // namespace onestop::workflows
