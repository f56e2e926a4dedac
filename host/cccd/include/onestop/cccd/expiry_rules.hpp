#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/cccd/calendar_date.hpp"

namespace onestop::cccd {

// The MRZ expiry of cards that do not expire (cccd.md §2.2).
inline constexpr std::string_view kNoExpiryMrz = "991231";

// One possible expiry of a card (cccd.md §2.3): the holder's birthday in the year of a renewal
// age, or none (issued at 58 or later).
struct ExpiryCandidate {
  std::optional<Date> date;  // nullopt: no expiry
  int renewalAge = 0;        // 14, 25, 40 or 60; 0 for no expiry
  bool byRule = false;       // the outcome the renewal rule gives; false for an alternative
};

// "YYMMDD" of the date, or "991231" for no expiry.
std::string mrzExpiry(const ExpiryCandidate& candidate);

// Every outcome, most likely first, from the age at issue: renewal ages 25, 40, 60 (Law on
// Citizen Identification 2014) or 14, 25, 40, 60 for cards issued from 01/07/2024 (Law on
// Identification 2023); a card issued within 2 years before a renewal age lasts until the next
// one, a card issued at 58 or later never expires. The rule's outcome comes first; the others
// follow by how close the age at issue is to the boundary that separates them from it, so a card
// issued near a boundary tries the other side next.
std::vector<ExpiryCandidate> expiryCandidatesFromIssue(Date birth, Date issued);

// Without an issue date, the outcomes for a card taken to be valid `today`, most likely first
// (renewal ages 14, 25, 40, 60): the next renewal birthday, then the one after it (or no expiry)
// when today is within 2 years before it; past age 60, no expiry first; then the last renewal
// birthday before today (an expired card can still be read) and no expiry.
std::vector<ExpiryCandidate> expiryCandidatesOn(Date birth, Date today);

}  // namespace onestop::cccd
