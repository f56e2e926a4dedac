#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/cccd/calendar_date.hpp"
#include "onestop/common/result.hpp"

namespace onestop::cccd {

// Where the inputs of a key came from (for logs and the audit trail; never the value).
enum class KeySource {
  TypedCan,      // a CAN typed by staff
  Mrz,           // the three MRZ lines (typed or OCR)
  TypedFields,   // ID number, date of birth (and expiry) typed by staff
  QrCode,        // the printed QR code
  PreviousRead,  // data kept from an earlier read of the same card
};

// "TYPED_CAN", "MRZ", "TYPED_FIELDS", "QR_CODE", "PREVIOUS_READ".
std::string_view keySourceName(KeySource source);

enum class AccessMethod {
  PaceCan,  // PACE with the CAN as password
  Bac,      // Basic Access Control with MRZ_information
};

// How the expiry inside a BAC key was obtained.
enum class ExpiryBasis {
  NotNeeded,   // PACE
  Stated,      // from the MRZ or given with the inputs (991231 when stated as "no expiry")
  RenewalAge,  // birthday at a renewal age (cccd.md §2.3)
  NoExpiry,    // 991231 as a derived guess
};

// One key to try, in the order planAccessKeys gives.
struct KeyCandidate {
  AccessMethod method = AccessMethod::Bac;
  KeySource source = KeySource::TypedFields;
  ExpiryBasis expiryBasis = ExpiryBasis::NotNeeded;
  int renewalAge = 0;  // with ExpiryBasis::RenewalAge
  // The secret: the 6-digit CAN, or the 24-character BAC MRZ_information. Never log it.
  std::string secret;

  // "BAC, QR code, expiry at renewal age 40": the method and origin, never the value.
  [[nodiscard]] std::string describe() const;
};

// Personal data from which keys are derived (typed, from the QR code, from an earlier read).
struct PersonalKeyData {
  KeySource source = KeySource::TypedFields;
  std::string idNumber;  // 12 digits
  std::optional<Date> dateOfBirth;
  std::optional<Date> dateOfExpiry;  // when known
  bool noExpiry = false;             // the card is known not to expire
  std::optional<Date> dateOfIssue;   // for deriving the expiry
};

struct AccessKeyInputs {
  std::optional<std::string> can;         // typed CAN, 6 digits
  std::optional<std::string> mrz;         // TD1: 90 characters, or 3 lines
  std::vector<PersonalKeyData> personal;  // most trusted first
  std::optional<Date> today;              // derives expiries when no issue date is known
};

// What the chip offers, from EF.CardAccess.
struct ChipAccess {
  bool paceOffered = false;
};

// Hard ceilings on attempts per card session, so that wrong keys never lock or slow a card
// (BAC retry throttling on CCCD chips is unknown, cccd.md §2.3): larger requests are clamped.
inline constexpr std::size_t kMaxPaceAttempts = 2;
inline constexpr std::size_t kMaxBacAttempts = 3;

struct AttemptLimits {
  std::size_t pace = kMaxPaceAttempts;
  std::size_t bac = kMaxBacAttempts;
};

// The access-key strategy (cccd.md §3, §4.2, §10.3) as an ordered, bounded list of distinct
// keys. When the chip offers PACE: PACE with the typed CAN, then with CAN = last 6 digits of the
// ID number (from the MRZ, then each PersonalKeyData). Then — or only, without PACE — BAC: the
// MRZ's own key; keys with a stated expiry; then keys whose expiry is derived from the issue
// date (expiryCandidatesFromIssue) or from `today` (expiryCandidatesOn), 991231 among them.
// The document number is always the last 9 digits of the ID number. A malformed CAN, MRZ or ID
// number, or inputs that yield no key at all, are Reason::ValidationFailed ("ACCESS_KEY: …").
Result<std::vector<KeyCandidate>> planAccessKeys(const AccessKeyInputs& inputs, ChipAccess chip,
                                                 AttemptLimits limits = {});

}  // namespace onestop::cccd
