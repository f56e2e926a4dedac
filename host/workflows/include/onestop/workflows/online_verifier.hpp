#pragma once
// The online check of an eID against the issuer's database. The national interface is not
// public, so the product defines this small interface and ships only a simulator of it; a
// province plugs in its own implementation when it has access.
#include <chrono>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "onestop/cccd/calendar_date.hpp"

#include "onestop/common/result.hpp"

namespace onestop::workflows {

enum class OnlineStatus {
  Active,       // the issuer knows the card and it is in force
  Revoked,      // reported lost, stolen, replaced or revoked
  Unknown,      // the issuer does not know the card
  Unavailable,  // no answer (network, service down): not a verdict on the card
};
const char* onlineStatusName(OnlineStatus status);  // "ACTIVE" …

struct OnlineQuery {
  std::string idNumber;        // 12 digits
  std::string documentNumber;  // from the MRZ
};

// What the issuer says about a QR code shown in the VNeID app (issue 5): the app's QR is valid
// for a few minutes and only the issuer can read it, so every field but the status is what the
// issuer confirms, absent when it does not say.
struct AppQrCheck {
  OnlineStatus status = OnlineStatus::Unavailable;
  std::optional<std::chrono::system_clock::time_point> validUntil;
  std::optional<std::string> idNumber;  // 12 digits
  std::optional<std::string> fullName;
  std::optional<cccd::Date> dateOfBirth;
  std::string detail;  // why the status is not ACTIVE ("the QR code expired …"); no citizen data
};

class OnlineVerifier {
 public:
  virtual ~OnlineVerifier() = default;
  [[nodiscard]] virtual std::string name() const = 0;
  virtual OnlineStatus check(const OnlineQuery& query) = 0;

  // The VNeID app's QR format is not public: only a verifier that has the issuer's
  // specification may claim a text as one. The product never guesses it, hence the defaults.
  [[nodiscard]] virtual bool recognizesAppQr(std::string_view /*text*/) const { return false; }
  // A text this verifier recognises, checked with the issuer. Reason::NotSupported by default;
  // a recognised but unreadable text is Reason::ValidationFailed.
  virtual Result<AppQrCheck> checkAppQr(std::string_view text);
};

// The simulator's own app-QR format, made up for tests and plainly NOT the VNeID app's (whose
// format is not public): "ONESTOP-SIM-VNEID/1|<12-digit ID>|<issued, unix seconds>", valid for
// 5 minutes from issue like the real app's QR. It exercises the verifier interface end to end.
inline constexpr std::string_view kSimulatedAppQrPrefix = "ONESTOP-SIM-VNEID/1|";
inline constexpr std::chrono::minutes kSimulatedAppQrLifetime{5};
std::string makeSimulatedAppQr(std::string_view idNumber,
                               std::chrono::system_clock::time_point issued);

// Answers from its configuration: {"kind": "simulator", "revokedIdNumbers": [...],
// "unknownIdNumbers": [...], "unavailable": false, "appQr": true}. With "appQr" it recognises the
// simulated app QR above and answers for its ID number as check() does.
class SimulatedOnlineVerifier final : public OnlineVerifier {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  SimulatedOnlineVerifier(std::set<std::string> revoked, std::set<std::string> unknown,
                          bool unavailable, bool appQr = true,
                          Clock now = &std::chrono::system_clock::now);
  [[nodiscard]] std::string name() const override { return "simulator"; }
  OnlineStatus check(const OnlineQuery& query) override;
  [[nodiscard]] bool recognizesAppQr(std::string_view text) const override;
  Result<AppQrCheck> checkAppQr(std::string_view text) override;

 private:
  std::set<std::string> revoked_;
  std::set<std::string> unknown_;
  bool unavailable_;
  bool appQr_;
  Clock now_;
};

// From the daemon config's "eid.onlineVerifier" object; null JSON gives nullptr (none).
Result<std::unique_ptr<OnlineVerifier>> makeOnlineVerifier(const nlohmann::json& config);

}  // namespace onestop::workflows
