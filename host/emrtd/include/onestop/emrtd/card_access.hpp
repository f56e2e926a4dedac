#pragma once

#include <optional>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/security_infos.hpp"

namespace onestop::emrtd {

// EF.CardAccess (in the MF, ICAO 9303-10 §3.11.3): SecurityInfos without a wrapper. A
// malformed or truncated file is Reason::ValidationFailed ("EF.CardAccess: ...").
Result<SecurityInfos> parseCardAccess(ByteView file);

// At least one PACEInfo.
bool offersPace(const SecurityInfos& infos);

// The PACEInfo to use: AES before 3DES, then generic before integrated or CA mapping, then ECDH
// before DH, then standardized domain parameters before others; file order breaks ties.
// Nothing when the card offers no PACE.
std::optional<PaceInfo> preferredPaceInfo(const SecurityInfos& infos);

}  // namespace onestop::emrtd
