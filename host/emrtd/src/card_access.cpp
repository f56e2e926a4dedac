#include "onestop/emrtd/card_access.hpp"

#include "onestop/emrtd/lds_file.hpp"

namespace onestop::emrtd {
namespace {

int preference(const PaceInfo& info) {
  int score = 0;
  if (info.cipher != CipherAlgorithm::Des3) score += 8;
  if (info.mapping == PaceMapping::Generic) score += 4;
  if (info.agreement == KeyAgreement::Ecdh) score += 2;
  if (info.parameters.has_value()) score += 1;
  return score;
}

}  // namespace

Result<SecurityInfos> parseCardAccess(ByteView file) {
  return parseSecurityInfos(file, lds::kCardAccess.name);
}

bool offersPace(const SecurityInfos& infos) {
  return !infos.pace.empty();
}

std::optional<PaceInfo> preferredPaceInfo(const SecurityInfos& infos) {
  const PaceInfo* best = nullptr;
  for (const PaceInfo& info : infos.pace) {
    if (best == nullptr || preference(info) > preference(*best)) best = &info;
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

}  // namespace onestop::emrtd
