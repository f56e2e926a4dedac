#include "dg13_expectations.hpp"

#include <set>
#include <string_view>

#include "onestop/cccd/calendar_date.hpp"
#include "onestop/cccd/sex.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::testing {
namespace {

using nlohmann::json;

json relative(const std::optional<cccd::RelativeRecord>& person) {
  if (!person || (person->fullName.empty() && person->otherValues.empty())) return nullptr;
  return {{"fullName", person->fullName}, {"otherValues", person->otherValues}};
}

json text(const std::string& value) {
  return value.empty() ? json(nullptr) : json(value);
}

json date(const std::optional<cccd::Date>& value) {
  return value ? json(cccd::toSlashDate(*value)) : json(nullptr);
}

// An unknown field's value: the strings of its TLV objects (one string, or a list of them).
json unknownField(const cccd::CitizenRecord& record, int number) {
  for (const auto& field : record.unknownFields) {
    if (field.number != static_cast<std::uint32_t>(number)) continue;
    auto objects = emrtd::parseTlvList(field.value);
    if (!objects) return "<malformed TLV>";
    json values = json::array();
    for (const auto& object : *objects) {
      values.push_back(std::string(object.value.begin(), object.value.end()));
    }
    return values.size() == 1 ? values[0] : values;
  }
  return nullptr;
}

// card.json may spell "absent" as null, "" or []; a relative without name as null.
json normalized(const json& value) {
  if (value.is_string() && value.get<std::string>().empty()) return nullptr;
  if (value.is_array() && value.empty()) return nullptr;
  if (value.is_object() && value.contains("fullName")) {
    json person = {{"fullName", value.at("fullName")},
                   {"otherValues", value.value("otherValues", json::array())}};
    if (person["fullName"].get<std::string>().empty() && person["otherValues"].empty()) {
      return nullptr;
    }
    return person;
  }
  if (value.is_array()) {
    json items = json::array();
    for (const auto& item : value) items.push_back(normalized(item));
    return items;
  }
  return value;
}

}  // namespace

json dg13FieldValue(const cccd::CitizenRecord& r, int number) {
  switch (number) {
    case 1:
      return text(r.idNumber);
    case 2:
      return text(r.fullName);
    case 3:
      return date(r.dateOfBirth);
    case 4:
      return r.sex ? json(std::string(cccd::vietnameseSexLabel(*r.sex))) : json(nullptr);
    case 5:
      return text(r.nationality);
    case 6:
      return text(r.ethnicity);
    case 7:
      return text(r.religion);
    case 8:
      return text(r.placeOfOrigin);
    case 9:
      return text(r.placeOfResidence);
    case 10:
      return text(r.identifyingMarks);
    case 11:
      return date(r.dateOfIssue);
    case 12:
      return r.expiry ? text(r.expiry->text) : json(nullptr);
    case 13: {
      if (!r.father && !r.mother) return nullptr;
      return json::array({relative(r.father), relative(r.mother)});
    }
    case 14:
      return relative(r.spouse);
    case 15:
      return text(r.oldIdNumber);
    case 16:
      return text(r.field16);
    default:
      return unknownField(r, number);
  }
}

std::vector<std::string> dg13Mismatches(const cccd::CitizenRecord& record, const json& expected) {
  std::vector<std::string> mismatches;
  std::set<int> listed;
  for (const auto& [key, value] : expected.items()) {
    const int number = std::stoi(key);
    listed.insert(number);
    json want = normalized(value);
    json got = normalized(dg13FieldValue(record, number));
    // Field 14 may be given as a one-record list.
    if (number == 14 && want.is_array() && want.size() == 1) want = want[0];
    if (want != got) {
      mismatches.push_back("field " + key + ": expected " + want.dump() + ", got " + got.dump());
    }
  }
  for (int number = 1; number <= 16; ++number) {
    if (!listed.contains(number) && !dg13FieldValue(record, number).is_null()) {
      mismatches.push_back("field " + std::to_string(number) + " read but not in the truth");
    }
  }
  for (const auto& field : record.unknownFields) {
    if (!listed.contains(static_cast<int>(field.number))) {
      mismatches.push_back("unknown field " + std::to_string(field.number) +
                           " read but not in the truth");
    }
  }
  return mismatches;
}

}  // namespace onestop::testing
