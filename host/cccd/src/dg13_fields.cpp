#include "dg13_fields.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "dg13_values.hpp"
#include "onestop/cccd/id_number.hpp"

namespace onestop::cccd::detail {
namespace {

using Groups = std::vector<std::vector<std::string>>;

constexpr std::uint32_t kLastMandatoryField = 3;  // ID number, full name, date of birth

// Phrases taken to mean "does not expire" (NFC). The real text is not public (cccd.md §2.2);
// the test kit writes "Không thời hạn". Add spellings here when real cards show them.
constexpr std::array<std::string_view, 5> kNoExpiryPhrases{
    "Không thời hạn", "KHÔNG THỜI HẠN", "không thời hạn", "Không có thời hạn", "Vô thời hạn"};

std::optional<RelativeRecord> relativeFrom(std::vector<std::string> group) {
  if (group.empty() || group.front().empty()) return std::nullopt;
  RelativeRecord person;
  person.fullName = std::move(group.front());
  person.otherValues.assign(std::make_move_iterator(group.begin() + 1),
                            std::make_move_iterator(group.end()));
  return person;
}

// Field 13 holds father then mother, either each in its own SEQUENCE or both names in one
// (cccd.md §7.2 notes both layouts): one group with several strings is split one per person.
void storeParents(CitizenRecord& record, Groups groups) {
  if (groups.size() == 1 && groups.front().size() > 1) {
    Groups split;
    for (auto& name : groups.front()) split.push_back({std::move(name)});
    groups = std::move(split);
  }
  for (std::size_t i = 0; i < groups.size(); ++i) {
    auto person = relativeFrom(std::move(groups[i]));
    if (i == 0) {
      record.father = std::move(person);
    } else if (i == 1) {
      record.mother = std::move(person);
    } else if (person) {
      record.otherRelatives.push_back(std::move(*person));
    }
  }
}

// Field 14: the spouse, or the bare field number when there is none.
void storeSpouse(CitizenRecord& record, Groups groups) {
  for (std::size_t i = 0; i < groups.size(); ++i) {
    auto person = relativeFrom(std::move(groups[i]));
    if (i == 0) {
      record.spouse = std::move(person);
    } else if (person) {
      record.otherRelatives.push_back(std::move(*person));
    }
  }
}

// Where plain text fields go; nullptr for fields with their own handling.
std::string CitizenRecord::*textMember(std::uint32_t number) {
  switch (number) {
    case 2:
      return &CitizenRecord::fullName;
    case 5:
      return &CitizenRecord::nationality;
    case 6:
      return &CitizenRecord::ethnicity;
    case 7:
      return &CitizenRecord::religion;
    case 8:
      return &CitizenRecord::placeOfOrigin;
    case 9:
      return &CitizenRecord::placeOfResidence;
    case 10:
      return &CitizenRecord::identifyingMarks;
    case 15:
      return &CitizenRecord::oldIdNumber;
    case 16:
      return &CitizenRecord::field16;
    default:
      return nullptr;
  }
}

Result<std::optional<Date>> dateField(const std::optional<std::string>& text,
                                      std::uint32_t number) {
  if (!text || text->empty()) return std::optional<Date>{};
  auto date = parseSlashDate(*text);
  if (!date) return fieldError(number, "not a dd/mm/yyyy date");
  return std::optional<Date>(*date);
}

Result<void> storeText(CitizenRecord& record, std::uint32_t number,
                       std::optional<std::string> text) {
  if (!text) return Ok{};
  switch (number) {
    case 1:
      if (auto id = parseIdNumber(*text); !id) return fieldError(number, id.error().detail());
      record.idNumber = std::move(*text);
      return Ok{};
    case 4:
      if (text->empty()) return Ok{};
      record.sex = parseVietnameseSex(*text);
      if (!record.sex) return fieldError(number, "neither Nam nor Nữ");
      return Ok{};
    case 12:
      record.expiry = classifyExpiry(std::move(*text));
      return Ok{};
    default:
      break;
  }
  if (const auto member = textMember(number)) record.*member = std::move(*text);
  return Ok{};
}

}  // namespace

ExpiryField classifyExpiry(std::string text) {
  ExpiryField expiry;
  if (auto date = parseSlashDate(text)) {
    expiry.date = *date;
  } else {
    for (const auto phrase : kNoExpiryPhrases) {
      if (text == phrase) expiry.noExpiry = true;
    }
  }
  expiry.text = std::move(text);
  return expiry;
}

Result<void> applyField(CitizenRecord& record, std::uint32_t number,
                        std::span<const emrtd::Tlv> values, emrtd::ByteView raw) {
  if (number == 0 || number > 16) {
    record.unknownFields.push_back({number, emrtd::Bytes(raw.begin(), raw.end())});
    return Ok{};
  }
  if (number == 13 || number == 14) {
    auto groups = readGroups(values, number);
    if (!groups) return groups.error();
    if (number == 13) {
      storeParents(record, std::move(*groups));
    } else {
      storeSpouse(record, std::move(*groups));
    }
    return Ok{};
  }
  auto text = readText(values, number);
  if (!text) return text.error();
  if (number <= kLastMandatoryField && (!*text || (*text)->empty())) {
    return fieldError(number, "empty");
  }
  if (number == 3 || number == 11) {
    auto date = dateField(*text, number);
    if (!date) return date.error();
    if (number == 3 && *date) record.dateOfBirth = **date;
    if (number == 11) record.dateOfIssue = *date;
    return Ok{};
  }
  return storeText(record, number, std::move(*text));
}

}  // namespace onestop::cccd::detail
