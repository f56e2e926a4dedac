#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "onestop/cccd/calendar_date.hpp"
#include "onestop/cccd/card_generation.hpp"
#include "onestop/cccd/sex.hpp"
#include "onestop/emrtd/bytes.hpp"

namespace onestop::cccd {

// DG13 field 12. Its content on cards without expiry is not public (cccd.md §2.2 [U]): the
// text is always kept; `date` is set when it reads dd/mm/yyyy, `noExpiry` when it is one of
// the known "no expiry" phrases ("Không thời hạn" …). Neither set: text not understood.
struct ExpiryField {
  std::string text;
  std::optional<Date> date;
  bool noExpiry = false;
};

// One person in DG13 field 13 (father, mother) or 14 (spouse): the first string is the name;
// later strings in the same record (the 2024 card may add an ID number) are kept in order.
struct RelativeRecord {
  std::string fullName;
  std::vector<std::string> otherValues;
};

// A DG13 field this library does not map (number 0 or above 16): its number and the encoded
// TLV objects that followed the INTEGER, byte for byte.
struct UnknownField {
  std::uint32_t number = 0;
  emrtd::Bytes value;
};

// The Vietnamese personal data of DG13 (cccd.md §7). Strings are UTF-8 in NFC; an absent
// optional text field is an empty string.
struct CitizenRecord {
  CardGeneration generation = CardGeneration::Unknown;  // from the issue date
  std::int64_t dg13Version = 0;                         // the container's INTEGER (1 so far)
  std::string encodingOid;  // dotted; "1.0.10646.1.0.8" (UTF-8) on every known card

  std::string idNumber;             // 1: 12 digits (mandatory)
  std::string fullName;             // 2: mandatory
  Date dateOfBirth{};               // 3: mandatory
  std::optional<Sex> sex;           // 4: "Nam" / "Nữ"
  std::string nationality;          // 5
  std::string ethnicity;            // 6
  std::string religion;             // 7
  std::string placeOfOrigin;        // 8: quê quán (2021) / nơi đăng ký khai sinh (2024 label)
  std::string placeOfResidence;     // 9: nơi thường trú (2021) / nơi cư trú (2024 label)
  std::string identifyingMarks;     // 10
  std::optional<Date> dateOfIssue;  // 11
  std::optional<ExpiryField> expiry;           // 12
  std::optional<RelativeRecord> father;        // 13, first record
  std::optional<RelativeRecord> mother;        // 13, second record
  std::optional<RelativeRecord> spouse;        // 14
  std::vector<RelativeRecord> otherRelatives;  // records after those (none seen so far)
  std::string oldIdNumber;                     // 15: the former CMND number, empty when none
  std::string field16;                         // 16: 16 hex characters, meaning unknown [U]
  std::vector<UnknownField> unknownFields;     // in card order
};

}  // namespace onestop::cccd
