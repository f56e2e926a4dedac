#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::emrtd {

// An ISO/IEC 7816-4 command APDU. `ne` is the number of response bytes expected: 0 means no Le
// field; 1..256 fits a short Le (256 is encoded 00); up to 65536 needs extended length (65536
// is encoded 0000).
struct CommandApdu {
  std::uint8_t cla = 0x00;
  std::uint8_t ins = 0x00;
  std::uint8_t p1 = 0x00;
  std::uint8_t p2 = 0x00;
  Bytes data;
  std::size_t ne = 0;

  static constexpr std::size_t kMaxShortData = 255;
  static constexpr std::size_t kMaxShortNe = 256;
  static constexpr std::size_t kMaxExtendedData = 65535;
  static constexpr std::size_t kMaxExtendedNe = 65536;

  // ISO 7816-3 case: 1 (header only), 2 (Le), 3 (data), 4 (data and Le).
  [[nodiscard]] int isoCase() const;
  [[nodiscard]] bool needsExtendedLength() const;
  // Short form when everything fits and extended length is not forced, extended otherwise:
  //   case 1   CLA INS P1 P2
  //   case 2S  CLA INS P1 P2 Le                 case 2E  CLA INS P1 P2 00 Le1 Le2
  //   case 3S  CLA INS P1 P2 Lc data            case 3E  CLA INS P1 P2 00 Lc1 Lc2 data
  //   case 4S  CLA INS P1 P2 Lc data Le         case 4E  CLA INS P1 P2 00 Lc1 Lc2 data Le1 Le2
  // More than 65535 data bytes or an Ne above 65536 is a bug (std::length_error).
  [[nodiscard]] Bytes encode(bool forceExtended = false) const;
};

// A response APDU: data, then SW1 SW2.
struct ResponseApdu {
  Bytes data;
  std::uint16_t sw = 0;

  // Fewer than two bytes is Reason::IoError (no status word).
  static Result<ResponseApdu> parse(ByteView raw);
  [[nodiscard]] Bytes encode() const;
  [[nodiscard]] bool ok() const { return sw == 0x9000; }
};

inline constexpr std::uint16_t kSwSuccess = 0x9000;
inline constexpr std::uint16_t kSwEndOfFile = 0x6282;  // fewer bytes than Ne: end of the EF
inline constexpr std::uint16_t kSwWrongLength = 0x6700;
inline constexpr std::uint16_t kSwSecurityStatusNotSatisfied = 0x6982;
inline constexpr std::uint16_t kSwSmDataObjectsMissing = 0x6987;
inline constexpr std::uint16_t kSwSmDataObjectsIncorrect = 0x6988;
inline constexpr std::uint16_t kSwFileNotFound = 0x6A82;

// 9000 or a warning that still delivers data (62xx).
bool isSuccessOrWarning(std::uint16_t sw);

// THE mapping from a status word to an error (style 6.4: one function per boundary). `step`
// names the command ("SELECT EF 011E"); the detail reads "SELECT EF 011E: 6A82 file or
// application not found". Never call it with 9000.
//   6300, 63Cx (authentication failed, x tries left), 6983 (blocked), 6984 (reference data
//     not usable)                                              -> AccessKeyRejected
//   6982 (security status not satisfied), 6A82 (file not found), 6A81, 6A88, 6D00, 6E00,
//     6881/6882/6883/6884 (channel, SM, chaining not supported) -> NotSupported
//   6985 (conditions of use not satisfied)                     -> InvalidState
//   6987/6988 (SM data objects missing or incorrect: the card has dropped the SM session),
//     6700, 6Cxx, 6B00, 6A80, 6A86, 6A87 (wrong length or parameters), 64xx, 65xx (memory),
//     6Fxx and anything else                                   -> IoError
Error statusError(std::uint16_t sw, std::string_view step);

// "6A82 file or application not found".
std::string describeStatus(std::uint16_t sw);

// Command factories. Each one's byte layout is in its comment.
namespace apdu {

// SELECT application by DF name, no response data: 00 A4 04 0C Lc AID
CommandApdu selectByAid(ByteView aid);

// SELECT EF under the current DF by file identifier, no response data: 00 A4 02 0C 02 FID
CommandApdu selectByFid(std::uint16_t fid);

// SELECT the master file: 00 A4 00 0C 02 3F 00
CommandApdu selectMasterFile();

// READ BINARY of the current EF, offset 0..7FFF in P1-P2: 00 B0 offset-hi offset-lo Le
CommandApdu readBinary(std::size_t offset, std::size_t ne);

// READ BINARY selecting the EF by short file identifier (1..30), offset 0..FF in P2:
// 00 B0 (80|SFI) offset Le
CommandApdu readBinarySfi(std::uint8_t sfi, std::size_t offset, std::size_t ne);

// READ BINARY with odd INS for offsets above 7FFF, offset in a DO'54' (2 bytes, 3 above FFFF):
// 00 B1 00 00 Lc 54 02 offset-hi offset-lo Le. The response data comes wrapped in a DO'53'.
CommandApdu readBinaryOdd(std::size_t offset, std::size_t ne);

// GET CHALLENGE for an 8-byte nonce: 00 84 00 00 08
CommandApdu getChallenge();

// EXTERNAL AUTHENTICATE, which BAC uses as MUTUAL AUTHENTICATE (Le present):
// 00 82 00 00 Lc data [Le]
CommandApdu externalAuthenticate(ByteView data, std::size_t ne);

// INTERNAL AUTHENTICATE (Active Authentication): 00 88 00 00 Lc challenge 00
CommandApdu internalAuthenticate(ByteView challenge);

// MANAGE SECURITY ENVIRONMENT: Set for one protocol: 00 22 P1 P2 Lc data, where P1-P2 is
//   C1 A4  PACE (Set AT for mutual authentication)
//   41 A4  Chip Authentication with AES / 3DES-CBC (Set AT for internal authentication)
//   41 A6  Chip Authentication, older form (Set KAT)
//   81 A4  Terminal Authentication (Set AT for external authentication)
enum class MseTarget : std::uint16_t {
  Pace = 0xC1A4,
  ChipAuthentication = 0x41A4,
  ChipAuthenticationKat = 0x41A6,
  TerminalAuthentication = 0x81A4,
};
CommandApdu mseSetAt(MseTarget target, ByteView data);

// GENERAL AUTHENTICATE with a dynamic authentication data object (tag 7C) in `data`.
// Command chaining (ISO 7816-4 5.3.3): every step but the last of a PACE run sets CLA bit 5:
// 10 86 00 00 Lc 7C... 00   (more steps follow)
// 00 86 00 00 Lc 7C... 00   (last step)
CommandApdu generalAuthenticate(ByteView data, bool lastInChain);

}  // namespace apdu

}  // namespace onestop::emrtd
