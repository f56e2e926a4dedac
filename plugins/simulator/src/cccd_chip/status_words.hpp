#pragma once

#include <cstdint>

namespace onestop::simulator::cccd {

// The ISO/IEC 7816-4 status words this chip answers with (ICAO 9303-11 uses the same).
namespace sw {
inline constexpr std::uint16_t kOk = 0x9000;
inline constexpr std::uint16_t kAuthenticationFailed = 0x6300;
inline constexpr std::uint16_t kWrongLength = 0x6700;
inline constexpr std::uint16_t kSecurityStatusNotSatisfied = 0x6982;
inline constexpr std::uint16_t kConditionsNotSatisfied = 0x6985;
inline constexpr std::uint16_t kNoCurrentEf = 0x6986;
inline constexpr std::uint16_t kSmObjectsMissing = 0x6987;
inline constexpr std::uint16_t kSmObjectsIncorrect = 0x6988;
inline constexpr std::uint16_t kWrongData = 0x6A80;
inline constexpr std::uint16_t kFileNotFound = 0x6A82;
inline constexpr std::uint16_t kWrongP1P2 = 0x6A86;
inline constexpr std::uint16_t kReferencedDataNotFound = 0x6A88;
inline constexpr std::uint16_t kOffsetOutsideEf = 0x6B00;
inline constexpr std::uint16_t kInsNotSupported = 0x6D00;
inline constexpr std::uint16_t kClaNotSupported = 0x6E00;
inline constexpr std::uint16_t kNoPreciseDiagnosis = 0x6F00;
}  // namespace sw

}  // namespace onestop::simulator::cccd
