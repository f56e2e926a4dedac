#pragma once

#include <array>
#include <string>
#include <string_view>

#include "onestop/common/result.hpp"

namespace onestop::emrtd {

// The Vietnamese optional-data check digit (line 1 position 30 over the 12-digit ID) is
// inferred from public samples, not documented (cccd.md §2.1 [I]); the composite check digit
// covers that position anyway, so a mismatch is reported here, not refused.
enum class IdNumberCheck { Absent, Valid, Invalid };

// A parsed TD1 (3 × 30) machine-readable zone, ICAO 9303-5. Texts keep MRZ characters
// (A–Z, 0–9) with the filler '<' removed from the ends; names use spaces between parts.
struct Mrz {
  std::array<std::string, 3> lines;
  std::string documentCode;    // "ID", "I", "IP"...
  std::string issuingState;    // "VNM"
  std::string documentNumber;  // the full number, also under the long-number convention
  char documentNumberCheckDigit = '0';
  std::string optionalData1;  // line 1 after the document number (and its extension)
  std::string dateOfBirth;    // YYMMDD
  char dateOfBirthCheckDigit = '0';
  char sex = '<';            // 'M', 'F', 'X' or '<'
  std::string dateOfExpiry;  // YYMMDD; "991231" on Vietnamese cards without expiry
  char dateOfExpiryCheckDigit = '0';
  std::string nationality;
  std::string optionalData2;        // line 2 positions 19–29
  std::string primaryIdentifier;    // "NGUYEN"
  std::string secondaryIdentifier;  // "VAN AN"

  // Vietnamese layout (cccd.md §2.1): the 12-digit personal ID from the optional data, whose
  // last 9 digits are the document number. Empty for other documents.
  std::string idNumber;
  IdNumberCheck idNumberCheck = IdNumberCheck::Absent;

  // The BAC key seed string, ICAO 9303-11 §9.7.2 "MRZ_information".
  [[nodiscard]] std::string bacMrzInformation() const;
};

// Parses three 30-character lines, given as 90 characters or separated by line breaks.
// Every check digit is verified (document number, birth, expiry, composite); a wrong one is
// Reason::ValidationFailed naming the field, so is any character outside A–Z, 0–9, '<'.
Result<Mrz> parseTd1(std::string_view text);

// ICAO 7-3-1 check digit ('0'..'9'); digits count their value, A–Z 10–35, '<' and anything else 0.
char mrzCheckDigit(std::string_view field);

// Document number (padded with '<' to 9 characters when shorter) + check digit ‖ birth date +
// check digit ‖ expiry + check digit. "L898902C<", "690806", "940623" ->
// "L898902C<369080619406236".
std::string bacMrzInformation(std::string_view documentNumber, std::string_view dateOfBirth,
                              std::string_view dateOfExpiry);

}  // namespace onestop::emrtd
