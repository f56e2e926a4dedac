// Compares a parsed DG13 (onestop::cccd::CitizenRecord) with the generator's truth, card.json's
// "dg13": expected values by field number, dates as printed (dd/mm/yyyy), relatives as
// {"fullName", "otherValues"} records (null for an unknown parent), no spouse as null or [].
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "onestop/cccd/citizen_record.hpp"

namespace onestop::testing {

// The record's value of DG13 field `number` in card.json's shape (null when absent).
nlohmann::json dg13FieldValue(const cccd::CitizenRecord& record, int number);

// One line per field whose value differs ("field 9: expected …, got …"), plus one per field the
// record has (1–16, or an unknown number) that the truth does not list. Empty: all equal.
std::vector<std::string> dg13Mismatches(const cccd::CitizenRecord& record,
                                        const nlohmann::json& expected);

}  // namespace onestop::testing
