#pragma once

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/security_infos.hpp"

namespace onestop::emrtd {

// EF.DG14 (ICAO 9303-10 §4.7.14): 6E { SecurityInfos } with the Chip Authentication infos and
// public keys (and possibly PACE, TA and AA infos). A malformed or truncated file is
// Reason::ValidationFailed ("DG14: ...").
Result<SecurityInfos> parseDg14(ByteView file);

}  // namespace onestop::emrtd
