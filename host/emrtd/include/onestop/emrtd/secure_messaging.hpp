#pragma once

#include <cstddef>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/apdu.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/cipher_algorithm.hpp"

namespace onestop::emrtd {

// ICAO 9303-11 §9.8 secure messaging for one session: 3DES after BAC (retail MAC, 8-byte
// SSC, zero IV) or AES after PACE / Chip Authentication (CMAC cut to 8 bytes, 16-byte SSC,
// IV = E(K_enc, SSC)). Pure: it turns plain APDUs into protected bytes and back; sending is
// the caller's (SecureChannel's) business.
//
// Protected command:  CLA|0C INS P1 P2 Lc [DO'87' or, for odd INS, DO'85'] [DO'97'] DO'8E' Le
//   DO'87' = 87 L 01 ‖ E(pad(data))      DO'85' = 85 L E(pad(data))
//   DO'97' = 97 L Le (1 byte, or 2 when Ne > 256)
//   DO'8E' = 8E 08 MAC(pad(SSC ‖ pad(CLA|0C INS P1 P2) ‖ DO'87'/'85' ‖ DO'97'))
// Protected response: [DO'87'/'85'] [DO'99' = 99 02 SW] DO'8E' SW, MAC over
//   pad(SSC ‖ everything before DO'8E').
// The SSC is incremented before each command and before checking each protected response.
class SecureMessaging {
 public:
  // Keys: 16 bytes for 3DES, 16/24/32 for AES. SSC: 8 bytes for 3DES, 16 for AES. Wrong
  // sizes are Reason::Internal.
  static Result<SecureMessaging> create(CipherAlgorithm algorithm, Bytes kEnc, Bytes kMac,
                                        Bytes ssc);

  SecureMessaging(SecureMessaging&& other) noexcept = default;
  SecureMessaging& operator=(SecureMessaging&& other) noexcept = default;
  SecureMessaging(const SecureMessaging&) = delete;
  SecureMessaging& operator=(const SecureMessaging&) = delete;
  ~SecureMessaging();  // wipes the keys

  // Encoded protected APDU. Extended length when the plain command needs it or the protected
  // command or response would not fit a short APDU; when that is not allowed the call fails
  // with Reason::NotSupported before touching the SSC.
  Result<Bytes> wrap(const CommandApdu& command, bool extendedAllowed = true);

  // Checks and decrypts a protected response (raw bytes with SW). A plain status word without
  // data (the card reporting an error, e.g. 6987/6988 when it drops the session) is returned
  // as it is and leaves the SSC alone; a plain 9000 is refused. Failures are Reason::IoError:
  // "response MAC mismatch" for a wrong DO'8E', other details for missing or malformed data
  // objects or padding.
  Result<ResponseApdu> unwrap(ByteView response);

  // Largest plain Ne whose protected response data (DO'87' + DO'99' + DO'8E', SW excluded)
  // fits in `protectedResponseData` bytes.
  [[nodiscard]] std::size_t maxPlainResponse(std::size_t protectedResponseData) const;

  [[nodiscard]] const Bytes& ssc() const { return ssc_; }
  [[nodiscard]] CipherAlgorithm algorithm() const { return algorithm_; }

 private:
  SecureMessaging(CipherAlgorithm algorithm, Bytes kEnc, Bytes kMac, Bytes ssc)
      : algorithm_(algorithm),
        kEnc_(std::move(kEnc)),
        kMac_(std::move(kMac)),
        ssc_(std::move(ssc)) {}

  void incrementSsc();
  Result<Bytes> mac(ByteView data) const;  // pads, then retail MAC or CMAC cut to 8 bytes
  Result<Bytes> iv() const;
  Result<Bytes> encrypt(ByteView plain) const;       // pads
  Result<Bytes> decrypt(ByteView cryptogram) const;  // unpads
  [[nodiscard]] std::size_t protectedResponseSize(std::size_t plain) const;

  CipherAlgorithm algorithm_;
  Bytes kEnc_;
  Bytes kMac_;
  Bytes ssc_;
};

}  // namespace onestop::emrtd
