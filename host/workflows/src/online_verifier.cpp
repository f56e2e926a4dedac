#include "onestop/workflows/online_verifier.hpp"

#include <utility>

namespace onestop::workflows {

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

SimulatedOnlineVerifier::SimulatedOnlineVerifier(std::set<std::string> revoked,
                                                 std::set<std::string> unknown, bool unavailable)
    : revoked_(std::move(revoked)), unknown_(std::move(unknown)), unavailable_(unavailable) {}

OnlineStatus SimulatedOnlineVerifier::check(const OnlineQuery& query) {
  if (unavailable_) return OnlineStatus::Unavailable;
  if (revoked_.contains(query.idNumber)) return OnlineStatus::Revoked;
  if (unknown_.contains(query.idNumber)) return OnlineStatus::Unknown;
  return OnlineStatus::Active;
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
  const auto unavailable = config.find("unavailable");
  return std::unique_ptr<OnlineVerifier>(std::make_unique<SimulatedOnlineVerifier>(
      std::move(revoked).value(), std::move(unknown).value(),
      unavailable != config.end() && unavailable->is_boolean() && unavailable->get<bool>()));
}

}  // namespace onestop::workflows
