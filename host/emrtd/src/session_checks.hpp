#pragma once
// The verification steps of a card session (card_session.cpp): glue from DG14/DG15 to Chip and
// Active Authentication.
#include "onestop/common/result.hpp"
#include "onestop/emrtd/apdu_channel.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/card_transport.hpp"
#include "onestop/emrtd/chip_authentication.hpp"
#include "onestop/emrtd/secure_channel.hpp"
#include "onestop/emrtd/security_infos.hpp"

namespace onestop::emrtd {

// The chip key DG14 announces: the first ECDH ChipAuthenticationPublicKeyInfo and the
// ChipAuthenticationInfo with the same keyId (the bare id-CA-ECDH, CA version 1, when DG14 has
// none). No ECDH key is Reason::NotSupported.
Result<ChipAuthenticationKey> chipAuthenticationKeyOf(const SecurityInfos& dg14);

// Parses DG14 and runs Chip Authentication, switching `channel` to the new keys.
Result<void> runChipAuthentication(CardTransport& transport, SecureChannel& channel, ByteView dg14);

struct ActiveAuthenticationAnswer {
  Bytes signature;
  bool valid = false;
};
// INTERNAL AUTHENTICATE with `challenge`, then the verdict with DG15's key and the hash named by
// DG14's ActiveAuthenticationInfo (SHA-256 when DG14 is empty or names none).
Result<ActiveAuthenticationAnswer> runActiveAuthentication(ApduChannel& channel, ByteView dg15,
                                                           ByteView dg14, ByteView challenge);

}  // namespace onestop::emrtd
