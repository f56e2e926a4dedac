#include "onestop/cccd/qr_payload.hpp"

#include <algorithm>
#include <utility>

#include "onestop/cccd/unicode_text.hpp"

namespace onestop::cccd {
namespace {

constexpr std::size_t kFields2021 = 7;
constexpr std::size_t kMinFields2024 = 10;
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The detail keeps its "QR_NOT_CCCD: " prefix so texts that show only the detail (onestop-verify
// --qr) still say what kind of failure it is.
Error notCccd(const std::string& found) {
  return Error(Reason::QrNotCccd, "QR_NOT_CCCD: " + found);
}

bool digitsOnly(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trimmed(std::string_view text) {
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

std::vector<std::string> splitFields(const std::string& text) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t bar = text.find('|', start);
    fields.push_back(text.substr(start, bar == std::string::npos ? bar : bar - start));
    if (bar == std::string::npos) return fields;
    start = bar + 1;
  }
}

// What a text without '|' looks like, for the error.
std::string describeForeign(std::string_view text) {
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (text.substr(0, scheme.size()) == scheme) return "a URL, not '|'-separated fields";
  }
  return "text of " + std::to_string(text.size()) + " bytes without '|' separators";
}

Result<Date> dateAt(const std::vector<std::string>& fields, std::size_t index,
                    std::string_view name) {
  auto date = parseCompactDate(fields[index]);
  if (!date) {
    return notCccd("field " + std::to_string(index + 1) + " (" + std::string(name) +
                   ") is not a ddmmyyyy date");
  }
  return date;
}

Result<QrPayload> fromFields(std::vector<std::string> fields) {
  QrPayload qr;
  qr.fieldCount = fields.size();
  if (!parseIdNumber(fields[0])) return notCccd("field 1 is not a 12-digit ID number");
  const std::string& oldId = fields[1];
  if (!digitsOnly(oldId) || !(oldId.empty() || oldId.size() == 9 || oldId.size() == 12)) {
    return notCccd("field 2 is neither empty nor a 9- or 12-digit old ID number");
  }
  if (fields[2].empty()) return notCccd("field 3 (full name) is empty");
  auto birth = dateAt(fields, 3, "date of birth");
  if (!birth) return birth.error();
  const auto sex = parseVietnameseSex(fields[4]);
  if (!sex) return notCccd("field 5 (sex) is neither Nam nor Nữ");
  auto issue = dateAt(fields, 6, "date of issue");
  if (!issue) return issue.error();
  if (*issue < *birth) return notCccd("the date of issue precedes the date of birth");

  qr.generation = fields.size() == kFields2021      ? CardGeneration::Cccd2021
                  : fields.size() >= kMinFields2024 ? CardGeneration::CanCuoc2024
                                                    : CardGeneration::Unknown;
  qr.idNumber = std::move(fields[0]);
  qr.oldIdNumber = std::move(fields[1]);
  qr.fullName = std::move(fields[2]);
  qr.dateOfBirth = *birth;
  qr.sex = *sex;
  qr.address = std::move(fields[5]);
  qr.dateOfIssue = *issue;
  qr.extraFields.assign(std::make_move_iterator(fields.begin() + kFields2021),
                        std::make_move_iterator(fields.end()));
  IdExpectations expected;
  expected.dateOfBirth = qr.dateOfBirth;
  expected.sex = qr.sex;
  qr.idFindings = checkIdNumber(*parseIdNumber(qr.idNumber), expected);
  return qr;
}

}  // namespace

Result<QrPayload> parseCccdQr(std::string_view text) {
  const std::string_view body = trimmed(text);
  if (body.empty()) return notCccd("empty text");
  if (const auto bad = firstInvalidUtf8(body)) {
    return notCccd("not UTF-8 text (invalid byte at " + std::to_string(*bad) + ")");
  }
  if (body.find('|') == std::string_view::npos) return notCccd(describeForeign(body));
  auto normalized = toNfc(body);
  if (!normalized) return notCccd(normalized.error().detail());
  auto fields = splitFields(*normalized);
  if (fields.size() < kFields2021) {
    return notCccd(std::to_string(fields.size()) +
                   " '|'-separated fields, a CCCD QR code has at least 7");
  }
  return fromFields(std::move(fields));
}

PersonalKeyData keyDataFromQr(const QrPayload& payload) {
  PersonalKeyData data;
  data.source = KeySource::QrCode;
  data.idNumber = payload.idNumber;
  data.dateOfBirth = payload.dateOfBirth;
  data.dateOfIssue = payload.dateOfIssue;
  return data;
}

}  // namespace onestop::cccd
