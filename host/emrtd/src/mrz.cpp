#include "onestop/emrtd/mrz.hpp"

#include <algorithm>
#include <vector>

namespace onestop::emrtd {
namespace {

constexpr std::size_t kLineLength = 30;

bool isMrzChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
}
bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

Error invalid(const std::string& what) {
  return Error(Reason::ValidationFailed, "MRZ: " + what);
}

// Removes leading and trailing fillers.
std::string stripFillers(std::string_view field) {
  const auto first = field.find_first_not_of('<');
  if (first == std::string_view::npos) return {};
  const auto last = field.find_last_not_of('<');
  return std::string(field.substr(first, last - first + 1));
}

// "VAN<AN<<<" -> "VAN AN".
std::string nameParts(std::string_view field) {
  std::string out;
  for (const char c : stripFillers(field)) {
    if (c != '<') {
      out.push_back(c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  return out;
}

Result<std::array<std::string, 3>> splitLines(std::string_view text) {
  std::vector<std::string> lines;
  std::string current;
  for (const char c : text) {
    if (c == '\r') continue;
    if (c == '\n') {
      if (!current.empty()) lines.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) lines.push_back(current);
  if (lines.size() == 1 && lines[0].size() == 3 * kLineLength) {
    const std::string all = lines[0];
    lines = {all.substr(0, kLineLength), all.substr(kLineLength, kLineLength),
             all.substr(2 * kLineLength)};
  }
  if (lines.size() != 3) return invalid("TD1 needs 3 lines, got " + std::to_string(lines.size()));
  std::array<std::string, 3> out;
  for (std::size_t i = 0; i < 3; ++i) {
    if (lines[i].size() != kLineLength) {
      return invalid("line " + std::to_string(i + 1) + " has " + std::to_string(lines[i].size()) +
                     " characters, TD1 needs 30");
    }
    for (std::size_t pos = 0; pos < kLineLength; ++pos) {
      if (!isMrzChar(lines[i][pos])) {
        return invalid("invalid character at line " + std::to_string(i + 1) + " position " +
                       std::to_string(pos + 1));
      }
    }
    out[i] = lines[i];
  }
  return out;
}

Result<void> expectCheckDigit(std::string_view field, char digit, const char* name) {
  if (!isDigit(digit) || mrzCheckDigit(field) != digit) {
    return invalid(std::string("check digit of the ") + name + " is wrong");
  }
  return {};
}

// Line 1 positions 6–30: the document number, its check digit and optional data, with the
// long-number convention (ICAO 9303-5 §4.2.2, note j): a filler in position 15 means the
// number continues in the optional data, followed by its check digit and a filler.
Result<void> parseDocumentNumber(const std::string& line1, Mrz& mrz) {
  const std::string_view head = std::string_view(line1).substr(5, 9);
  const std::string_view optional = std::string_view(line1).substr(15, 15);
  if (line1[14] != '<') {
    mrz.documentNumber = stripFillers(head);
    mrz.documentNumberCheckDigit = line1[14];
    mrz.optionalData1 = stripFillers(optional);
    return expectCheckDigit(head, line1[14], "document number");
  }
  const auto end = optional.find('<');
  if (end == 0 || end == std::string_view::npos) {
    return invalid("check digit of the document number is missing");
  }
  const std::string full = std::string(head) + std::string(optional.substr(0, end - 1));
  mrz.documentNumber = stripFillers(full);
  mrz.documentNumberCheckDigit = optional[end - 1];
  mrz.optionalData1 = stripFillers(optional.substr(end));
  return expectCheckDigit(full, mrz.documentNumberCheckDigit, "document number");
}

// Vietnamese CCCD: optional data = 12-digit ID, "<<", check digit of the ID (cccd.md §2.1).
Result<void> parseVietnameseId(const std::string& line1, Mrz& mrz) {
  if (mrz.issuingState != "VNM" || line1[14] == '<') return {};
  const std::string_view id = std::string_view(line1).substr(15, 12);
  if (!std::all_of(id.begin(), id.end(), isDigit)) return {};
  if (id.substr(3) != mrz.documentNumber) {
    return invalid("the document number is not the last 9 digits of the ID in the optional data");
  }
  mrz.idNumber = std::string(id);
  const char check = line1[29];
  if (isDigit(check)) {
    mrz.idNumberCheck = mrzCheckDigit(id) == check ? IdNumberCheck::Valid : IdNumberCheck::Invalid;
  }
  return {};
}

}  // namespace

char mrzCheckDigit(std::string_view field) {
  static constexpr int kWeights[] = {7, 3, 1};
  int sum = 0;
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    int value = 0;
    if (isDigit(c)) {
      value = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      value = c - 'A' + 10;
    }
    sum += value * kWeights[i % 3];
  }
  return static_cast<char>('0' + sum % 10);
}

std::string bacMrzInformation(std::string_view documentNumber, std::string_view dateOfBirth,
                              std::string_view dateOfExpiry) {
  std::string number(documentNumber);
  if (number.size() < 9) number.append(9 - number.size(), '<');
  std::string out = number;
  out.push_back(mrzCheckDigit(number));
  out.append(dateOfBirth);
  out.push_back(mrzCheckDigit(dateOfBirth));
  out.append(dateOfExpiry);
  out.push_back(mrzCheckDigit(dateOfExpiry));
  return out;
}

std::string Mrz::bacMrzInformation() const {
  return emrtd::bacMrzInformation(documentNumber, dateOfBirth, dateOfExpiry);
}

Result<Mrz> parseTd1(std::string_view text) {
  auto lines = splitLines(text);
  if (!lines) return lines.error();
  Mrz mrz;
  mrz.lines = *lines;
  const std::string& l1 = mrz.lines[0];
  const std::string& l2 = mrz.lines[1];
  mrz.documentCode = stripFillers(std::string_view(l1).substr(0, 2));
  mrz.issuingState = stripFillers(std::string_view(l1).substr(2, 3));
  if (auto r = parseDocumentNumber(l1, mrz); !r) return r.error();

  mrz.dateOfBirth = l2.substr(0, 6);
  mrz.dateOfBirthCheckDigit = l2[6];
  if (auto r = expectCheckDigit(mrz.dateOfBirth, l2[6], "date of birth"); !r) return r.error();
  mrz.sex = l2[7];
  if (mrz.sex != 'M' && mrz.sex != 'F' && mrz.sex != 'X' && mrz.sex != '<') {
    return invalid("sex must be M, F, X or <");
  }
  mrz.dateOfExpiry = l2.substr(8, 6);
  mrz.dateOfExpiryCheckDigit = l2[14];
  if (auto r = expectCheckDigit(mrz.dateOfExpiry, l2[14], "date of expiry"); !r) return r.error();
  mrz.nationality = stripFillers(std::string_view(l2).substr(15, 3));
  mrz.optionalData2 = stripFillers(std::string_view(l2).substr(18, 11));
  const std::string composite =
      l1.substr(5, 25) + l2.substr(0, 7) + l2.substr(8, 7) + l2.substr(18, 11);
  if (auto r = expectCheckDigit(composite, l2[29], "composite"); !r) return r.error();

  const std::string_view l3 = mrz.lines[2];
  const auto split = l3.find("<<");
  mrz.primaryIdentifier = nameParts(l3.substr(0, split));
  if (split != std::string_view::npos) mrz.secondaryIdentifier = nameParts(l3.substr(split + 2));

  if (auto r = parseVietnameseId(l1, mrz); !r) return r.error();
  return mrz;
}

}  // namespace onestop::emrtd
