#pragma once

#include <string_view>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/card_transport.hpp"
#include "onestop/emrtd/key_derivation.hpp"
#include "onestop/emrtd/random_source.hpp"
#include "onestop/emrtd/secure_messaging.hpp"

namespace onestop::emrtd {

// Basic Access Control, ICAO 9303-11 §4.3 / Appendix D, with the eMRTD application already
// selected:
//   GET CHALLENGE                    -> RND.IC (8 bytes)
//   RND.IFD (8), K.IFD (16) from `random`, in that order
//   S = RND.IFD ‖ RND.IC ‖ K.IFD, E.IFD = 3DES(K_enc, S), M.IFD = MAC(K_mac, pad(E.IFD))
//   MUTUAL AUTHENTICATE E.IFD ‖ M.IFD -> E.IC ‖ M.IC (40 bytes)
//   check M.IC, decrypt R = RND.IC ‖ RND.IFD ‖ K.IC, check both nonces
//   KS_seed = K.IFD ⊕ K.IC -> KS_enc, KS_mac; SSC = RND.IC[4..8) ‖ RND.IFD[4..8)
// The card refusing the key (6300, 63Cx, 6982, 6988, 6A80 to MUTUAL AUTHENTICATE) or a card
// cryptogram that does not verify is Reason::AccessKeyRejected.
Result<SecureMessaging> performBac(CardTransport& transport, RandomSource& random,
                                   const BacKeys& keys);

// The same, deriving the keys from MRZ_information (Mrz::bacMrzInformation()).
Result<SecureMessaging> performBac(CardTransport& transport, RandomSource& random,
                                   std::string_view mrzInformation);

}  // namespace onestop::emrtd
