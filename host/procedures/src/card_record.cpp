// cardRecordFromPerson: card.read's `person` (camelCase, dd/mm/yyyy; see
// host/workflows/src/card_contents.cpp personToJson) -> the snake_case record of
// procedure-contract.md. Absent or empty values are left out (nil in Lua).
#include "onestop/cccd/calendar_date.hpp"
#include "onestop/procedures/procedure_registry.hpp"

#include "host_api.hpp"

namespace onestop::procedures {
namespace {

std::string text(const Json& person, const char* key) {
  const auto it = person.find(key);
  return it != person.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "15/06/1995" -> "1995-06-15"; anything else (year-only, absent) -> empty.
std::string isoFromSlash(const std::string& slash) {
  if (slash.empty()) return {};
  auto date = cccd::parseSlashDate(slash);
  return date ? hostapi::toIso(*date) : std::string();
}

void put(Json& out, const char* key, const std::string& value) {
  if (!value.empty()) out[key] = value;
}

std::string relativeName(const Json& person, const char* key) {
  const auto it = person.find(key);
  if (it == person.end() || !it->is_object()) return {};
  return text(*it, "fullName");
}

}  // namespace

Json cardRecordFromPerson(const Json& person, const std::string& source, bool verified) {
  Json out = {{"source", source}, {"verified", verified}};
  put(out, "id_number", text(person, "idNumber"));
  put(out, "old_id_number", text(person, "oldIdNumber"));
  put(out, "full_name", text(person, "fullName"));
  const auto birth = text(person, "dateOfBirth");
  put(out, "date_of_birth", isoFromSlash(birth));
  put(out, "date_of_birth_text", birth);
  const auto sex = text(person, "sex");
  if (sex == "M" || sex == "F") out["sex"] = sex;
  put(out, "nationality", text(person, "nationality"));
  put(out, "ethnicity", text(person, "ethnicity"));
  put(out, "religion", text(person, "religion"));
  put(out, "place_of_origin", text(person, "placeOfOrigin"));
  put(out, "place_of_residence", text(person, "placeOfResidence"));
  put(out, "date_of_issue", isoFromSlash(text(person, "dateOfIssue")));
  if (const auto expiry = person.find("expiry"); expiry != person.end() && expiry->is_object()) {
    if (!expiry->value("noExpiry", false))
      put(out, "date_of_expiry", isoFromSlash(text(*expiry, "date")));
  }
  put(out, "father_name", relativeName(person, "father"));
  put(out, "mother_name", relativeName(person, "mother"));
  put(out, "spouse_name", relativeName(person, "spouse"));
  return out;
}

}  // namespace onestop::procedures
