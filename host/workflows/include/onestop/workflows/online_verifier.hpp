#pragma once
// The online check of an eID against the issuer's database. The national interface is not
// public, so the product defines this small interface and ships only a simulator of it; a
// province plugs in its own implementation when it has access.
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

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

class OnlineVerifier {
 public:
  virtual ~OnlineVerifier() = default;
  [[nodiscard]] virtual std::string name() const = 0;
  virtual OnlineStatus check(const OnlineQuery& query) = 0;
};

// Answers from its configuration: {"kind": "simulator", "revokedIdNumbers": [...],
// "unknownIdNumbers": [...], "unavailable": false}.
class SimulatedOnlineVerifier final : public OnlineVerifier {
 public:
  SimulatedOnlineVerifier(std::set<std::string> revoked, std::set<std::string> unknown,
                          bool unavailable);
  [[nodiscard]] std::string name() const override { return "simulator"; }
  OnlineStatus check(const OnlineQuery& query) override;

 private:
  std::set<std::string> revoked_;
  std::set<std::string> unknown_;
  bool unavailable_;
};

// From the daemon config's "eid.onlineVerifier" object; null JSON gives nullptr (none).
Result<std::unique_ptr<OnlineVerifier>> makeOnlineVerifier(const nlohmann::json& config);

}  // namespace onestop::workflows
