#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "onestop/cccd/access_key.hpp"
#include "onestop/cccd/calendar_date.hpp"
#include "onestop/cccd/card_generation.hpp"
#include "onestop/cccd/id_number.hpp"
#include "onestop/cccd/sex.hpp"
#include "onestop/common/result.hpp"

namespace onestop::cccd {

// The text of the QR code printed on the card (cccd.md §10): '|'-separated UTF-8 fields
//   ID | old ID | full name | birth ddmmyyyy | Nam/Nữ | address | issue ddmmyyyy [| more…]
// 7 fields on the 2021 CCCD; 10 or more on the 2024 căn cước, whose first 7 read the same way
// and whose further fields are undocumented (kept as they are). The QR carries no expiry and
// no signature: treat its data as unverified until it matches the chip.
struct QrPayload {
  CardGeneration generation = CardGeneration::Unknown;  // 7 fields: 2021; 10+: 2024; else Unknown
  std::size_t fieldCount = 0;
  std::string idNumber;     // 12 digits
  std::string oldIdNumber;  // 9 (CMND) or 12 digits; empty when none
  std::string fullName;
  Date dateOfBirth{};
  Sex sex = Sex::Male;
  std::string address;  // nơi thường trú (2021) / nơi cư trú (2024)
  Date dateOfIssue{};
  std::vector<std::string> extraFields;  // fields 8 on, in order (NFC)
  std::vector<IdFinding> idFindings;     // soft ID-number checks against birth date and sex
};

// Parses a scanned or typed QR text. Surrounding whitespace and a UTF-8 byte-order mark are
// ignored; texts are normalized to NFC. Anything that is not a CCCD payload (a URL, foreign
// text, too few fields, an invalid ID number, date or sex) is Reason::QrNotCccd with a detail
// "QR_NOT_CCCD: <what was found>" that never repeats the content.
Result<QrPayload> parseCccdQr(std::string_view text);

// The access-key inputs the QR gives: ID number, birth date and issue date (source QrCode).
PersonalKeyData keyDataFromQr(const QrPayload& payload);

}  // namespace onestop::cccd
