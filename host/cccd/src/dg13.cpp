#include "onestop/cccd/dg13.hpp"

#include <array>
#include <bitset>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dg13_fields.hpp"
#include "dg13_values.hpp"
#include "onestop/emrtd/object_identifier.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::cccd {
namespace {

constexpr emrtd::Tag kDg13 = 0x6D;
constexpr emrtd::Tag kSequence = 0x30;
constexpr emrtd::Tag kSet = 0x31;
constexpr emrtd::Tag kInteger = 0x02;
constexpr emrtd::Tag kOid = 0x06;
constexpr std::uint32_t kLastKnownField = 16;
constexpr std::array<std::uint32_t, 3> kMandatoryFields{1, 2, 3};

// Names a field that has no readable number by its predecessor: "the field after field 8".
std::string fieldAfter(std::uint32_t previous) {
  return previous == 0 ? "the first field" : "the field after field " + std::to_string(previous);
}

Error containerError(const std::string& what) {
  return Error(Reason::ValidationFailed, "DG13: " + what);
}

// The number of a field whose SEQUENCE value begins with its INTEGER, if that much is readable.
std::optional<std::uint32_t> numberInside(emrtd::ByteView sequenceValue) {
  auto integer = emrtd::parseTlv(sequenceValue);
  if (!integer || integer->tag != kInteger) return std::nullopt;
  auto number = detail::readUnsigned(*integer);
  return number ? std::optional<std::uint32_t>(*number) : std::nullopt;
}

// The same for a field whose own TLV is truncated: skip the SEQUENCE header and look inside.
std::optional<std::uint32_t> numberOfBrokenField(emrtd::ByteView field) {
  auto header = emrtd::parseTlvHeader(field);
  if (!header || header->tag != kSequence) return std::nullopt;
  return numberInside(field.subspan(header->headerSize));
}

Error brokenField(emrtd::ByteView field, std::uint32_t previous, const std::string& what) {
  auto number = numberInside(field);
  if (!number) number = numberOfBrokenField(field);
  if (number) return detail::fieldError(*number, "malformed: " + what);
  return containerError(fieldAfter(previous) + " is malformed: " + what);
}

Result<void> parseField(const emrtd::Tlv& field, std::uint32_t previous,
                        std::bitset<kLastKnownField + 1>& seen, CitizenRecord& record) {
  if (field.tag != kSequence) {
    return containerError(fieldAfter(previous) + " is not a SEQUENCE");
  }
  auto parts = emrtd::parseTlvList(field.value);
  if (!parts) return brokenField(field.value, previous, parts.error().detail());
  if (parts->empty() || parts->front().tag != kInteger) {
    return containerError(fieldAfter(previous) + " does not start with its number");
  }
  auto number = detail::readUnsigned(parts->front());
  if (!number) {
    return containerError(fieldAfter(previous) + " has a bad number: " + number.error().detail());
  }
  if (*number >= 1 && *number <= kLastKnownField) {
    if (seen.test(*number)) return detail::fieldError(*number, "appears twice");
    seen.set(*number);
  }
  const auto raw = field.value.subspan(parts->front().size());
  return detail::applyField(record, *number, std::span(*parts).subspan(1), raw);
}

Result<void> parseFieldSet(emrtd::ByteView set, CitizenRecord& record) {
  std::bitset<kLastKnownField + 1> seen;
  std::uint32_t previous = 0;
  std::size_t offset = 0;
  while (offset < set.size()) {
    const auto rest = set.subspan(offset);
    auto field = emrtd::parseTlv(rest);
    if (!field) return brokenField(rest, previous, field.error().detail());
    auto parsed = parseField(*field, previous, seen, record);
    if (!parsed) return parsed;
    if (auto number = numberInside(field->value)) previous = *number;
    offset += field->size();
  }
  for (const auto number : kMandatoryFields) {
    if (!seen.test(number)) return detail::fieldError(number, "missing");
  }
  return Ok{};
}

// 6D { 30 { 02 version, 06 OID, 31 {fields} } }: the three parts of the inner SEQUENCE.
Result<std::vector<emrtd::Tlv>> containerParts(emrtd::ByteView file) {
  auto dg13 = emrtd::parseTlv(file);
  if (!dg13) return containerError(dg13.error().detail());
  if (dg13->tag != kDg13) return containerError("not tag 6D");
  auto outer = emrtd::parseTlvList(dg13->value);
  if (!outer) return containerError(outer.error().detail());
  if (outer->empty() || outer->front().tag != kSequence) {
    return containerError("no SEQUENCE inside 6D");
  }
  auto parts = emrtd::parseTlvList(outer->front().value);
  if (!parts) return containerError(parts.error().detail());
  if (parts->size() < 3 || (*parts)[0].tag != kInteger || (*parts)[1].tag != kOid ||
      (*parts)[2].tag != kSet) {
    return containerError("SEQUENCE is not { INTEGER version, OID, SET of fields }");
  }
  return parts;
}

}  // namespace

std::string_view dg13FieldName(std::uint32_t number) {
  constexpr std::array<std::string_view, 17> kNames{"unknown",
                                                    "ID number",
                                                    "full name",
                                                    "date of birth",
                                                    "sex",
                                                    "nationality",
                                                    "ethnicity",
                                                    "religion",
                                                    "place of origin",
                                                    "place of residence",
                                                    "identifying marks",
                                                    "date of issue",
                                                    "date of expiry",
                                                    "parents",
                                                    "spouse",
                                                    "old ID number",
                                                    "field 16"};
  return number < kNames.size() ? kNames[number] : kNames[0];
}

Result<CitizenRecord> parseDg13(emrtd::ByteView file) {
  auto parts = containerParts(file);
  if (!parts) return parts.error();
  CitizenRecord record;
  auto version = detail::readUnsigned((*parts)[0]);
  if (!version) return containerError("version: " + version.error().detail());
  record.dg13Version = *version;
  auto oid = emrtd::oidToDotted((*parts)[1].value);
  if (!oid) return containerError("OID: " + oid.error().detail());
  record.encodingOid = std::move(*oid);
  auto fields = parseFieldSet((*parts)[2].value, record);
  if (!fields) return fields.error();
  if (record.dateOfIssue) record.generation = generationFromIssueDate(*record.dateOfIssue);
  return record;
}

}  // namespace onestop::cccd
