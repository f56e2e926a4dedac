// onestop-verify: re-checks an evidence bundle offline on a web app's server (design.md §3).
// It runs the daemon's own verdict code (workflows::verifyEvidence) against the server's trust
// store, so the server need not trust the counter PC that made the read. Chip Authentication
// cannot be re-checked away from the reading PC: it is taken as that PC's claim only.
//
// Exit codes: 0 the card is accepted, 1 the verdict fails, 2 usage or input errors.
#include <chrono>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "onestop/cccd/qr_payload.hpp"
#include "onestop/emrtd/trust_store.hpp"
#include "onestop/workflows/card_contents.hpp"
#include "onestop/workflows/challenge_binding.hpp"
#include "onestop/workflows/eid_verdict.hpp"
#include "onestop/workflows/evidence.hpp"
#include "onestop/workflows/verdict_messages.hpp"

namespace {

using Json = nlohmann::json;
namespace workflows = onestop::workflows;

constexpr int kAccepted = 0;
constexpr int kRejected = 1;
constexpr int kUsageError = 2;

constexpr const char* kUsage =
    "usage: onestop-verify --trust DIR [--trust DIR ...] [--challenge C] [--origin O]\n"
    "                      [--qr TEXT] [--at RFC3339] [--json] [EVIDENCE.json | -]\n"
    "\n"
    "Re-checks an evidence bundle (the \"evidence\" of a card.read result, the whole result or\n"
    "its JSON-RPC response) offline against the CSCA certificates and CRLs in each --trust DIR.\n"
    "Kiểm tra lại gói bằng chứng của một lần đọc thẻ, không cần máy tính tại quầy.\n"
    "\n"
    "  --trust DIR      CSCA certificates (*.pem, *.crt, *.cer, *.der) and CRLs (*.crl)\n"
    "  --challenge C    the nonce this server issued for the read: the read must be bound to it\n"
    "  --origin O       the origin the server expects (default: not checked)\n"
    "  --qr TEXT        the text of the QR code printed on the card, compared with the chip\n"
    "  --at RFC3339     check certificates and the card's expiry at this time (default: now)\n"
    "  --json           print {\"accepted\", \"verdict\", \"person\"} instead of the summary\n"
    "\n"
    "exit: 0 accepted, 1 verdict failed, 2 usage or input error\n";

struct Arguments {
  std::vector<std::string> trustDirectories;
  std::optional<std::string> challenge;
  std::optional<std::string> origin;
  std::optional<std::string> qr;
  std::optional<std::string> at;
  bool json = false;
  std::string input = "-";
};

// A usage or input problem: reported on stderr, exit code 2.
struct InputError {
  std::string message;
};

std::optional<InputError> parseArguments(int argc, char** argv, Arguments& args) {
  bool inputGiven = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&](std::string& target) -> bool {
      if (i + 1 >= argc) return false;
      target = argv[++i];
      return true;
    };
    std::string text;
    if (arg == "--trust") {
      if (!value(text)) return InputError{"--trust needs a directory"};
      args.trustDirectories.push_back(text);
    } else if (arg == "--challenge") {
      if (!value(text)) return InputError{"--challenge needs a value"};
      args.challenge = text;
    } else if (arg == "--origin") {
      if (!value(text)) return InputError{"--origin needs a value"};
      args.origin = text;
    } else if (arg == "--qr") {
      if (!value(text)) return InputError{"--qr needs the QR text"};
      args.qr = text;
    } else if (arg == "--at") {
      if (!value(text)) return InputError{"--at needs an RFC 3339 time"};
      args.at = text;
    } else if (arg == "--json") {
      args.json = true;
    } else if (arg == "-h" || arg == "--help") {
      return InputError{""};
    } else if (arg.size() > 1 && arg[0] == '-' && arg != "-") {
      return InputError{"unknown option " + arg};
    } else if (inputGiven) {
      return InputError{"only one evidence file can be given"};
    } else {
      args.input = arg;
      inputGiven = true;
    }
  }
  if (args.trustDirectories.empty()) return InputError{"at least one --trust DIR is required"};
  return std::nullopt;
}

// "2026-11-23T15:01:09Z", fractional seconds and a numeric offset allowed.
std::optional<std::time_t> parseRfc3339(const std::string& text) {
  std::tm parts{};
  std::istringstream in(text);
  in >> std::get_time(&parts, "%Y-%m-%dT%H:%M:%S");
  if (in.fail()) return std::nullopt;
  std::string rest;
  std::getline(in, rest);
  std::size_t pos = 0;
  if (pos < rest.size() && rest[pos] == '.') {
    ++pos;
    const std::size_t digits = pos;
    while (pos < rest.size() && rest[pos] >= '0' && rest[pos] <= '9') ++pos;
    if (pos == digits) return std::nullopt;
  }
  long offsetSeconds = 0;
  const std::string zone = rest.substr(pos);
  if (zone == "Z" || zone == "z") {
    offsetSeconds = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    for (const std::size_t d : {1U, 2U, 4U, 5U}) {
      if (zone[d] < '0' || zone[d] > '9') return std::nullopt;
    }
    const long hours = (zone[1] - '0') * 10 + (zone[2] - '0');
    const long minutes = (zone[4] - '0') * 10 + (zone[5] - '0');
    if (hours > 23 || minutes > 59) return std::nullopt;
    offsetSeconds = (hours * 60 + minutes) * 60 * (zone[0] == '+' ? 1 : -1);
  } else {
    return std::nullopt;
  }
  return timegm(&parts) - offsetSeconds;
}

onestop::cccd::Date dateAt(std::time_t at) {
  return onestop::cccd::Date{
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::from_time_t(at))};
}

std::optional<std::string> readInput(const std::string& path, std::string& text) {
  std::ostringstream buffer;
  if (path == "-") {
    buffer << std::cin.rdbuf();
  } else {
    std::ifstream file(path, std::ios::binary);
    if (!file) return "cannot open " + path;
    buffer << file.rdbuf();
  }
  text = std::move(buffer).str();
  return std::nullopt;
}

// The bundle itself, or the "evidence" member of a card.read result, or of the "result" of a
// JSON-RPC response carrying one.
const Json* findEvidence(const Json& document) {
  if (!document.is_object()) return nullptr;
  if (document.contains("format")) return &document;
  if (const auto it = document.find("evidence"); it != document.end()) return &*it;
  if (const auto it = document.find("result"); it != document.end()) return findEvidence(*it);
  return nullptr;
}

bool accepted(const workflows::EidVerdict& verdict, bool challengeGiven) {
  return verdict.genuine && verdict.notRevoked && verdict.valid && verdict.consistent &&
         (!challengeGiven || verdict.bound);
}

const char* yesNo(bool value) {
  return value ? "yes / có" : "NO / KHÔNG";
}

// English and Vietnamese, the verdict only: no citizen data is printed here (--json has it).
void printSummary(const workflows::EidVerdict& verdict, bool challengeGiven, bool isAccepted) {
  std::cout << (isAccepted ? "ACCEPTED / CHẤP NHẬN" : "REJECTED / KHÔNG CHẤP NHẬN") << '\n'
            << "  genuine chip / chip thật:                 " << yesNo(verdict.genuine) << '\n'
            << "  not revoked / không bị thu hồi:           " << yesNo(verdict.notRevoked) << '\n'
            << "  valid / hợp lệ:                           " << yesNo(verdict.valid) << '\n'
            << "  consistent / nhất quán:                   " << yesNo(verdict.consistent) << '\n'
            << "  bound to this request / gắn với yêu cầu:  " << yesNo(verdict.bound)
            << (challengeGiven ? "" : " (not required / không bắt buộc)") << '\n';
  if (verdict.online) {
    std::cout << "  online check / kiểm tra trực tuyến:       "
              << workflows::onlineStatusName(*verdict.online) << '\n';
  }
  bool header = false;
  for (const auto& check : verdict.checks) {
    if (check.passed) continue;
    if (!header) {
      std::cout << "failed checks / các kiểm tra không đạt:\n";
      header = true;
    }
    const auto message = workflows::verdictMessage(check.reason);
    std::cout << "  - " << check.name << ": " << check.reason;
    if (!check.detail.empty()) std::cout << " (" << check.detail << ")";
    std::cout << "\n      en: " << message.en << "\n      vi: " << message.vi << '\n';
  }
}

int fail(const std::string& message) {
  std::cerr << "onestop-verify: " << message << '\n';
  return kUsageError;
}

int run(int argc, char** argv) {
  Arguments args;
  if (const auto problem = parseArguments(argc, argv, args)) {
    if (!problem->message.empty()) std::cerr << "onestop-verify: " << problem->message << "\n\n";
    std::cerr << kUsage;
    return kUsageError;
  }

  onestop::emrtd::TrustStore trust;
  for (const auto& directory : args.trustDirectories) {
    if (auto added = trust.addDirectory(directory); !added) {
      return fail("--trust " + directory + ": " + added.error().detail());
    }
  }
  if (trust.certificateCount() == 0) return fail("no CSCA certificate in the --trust directories");

  workflows::VerifyOptions options;
  options.trust = &trust;
  std::time_t at = std::time(nullptr);
  if (args.at) {
    const auto parsed = parseRfc3339(*args.at);
    if (!parsed) return fail("--at: not an RFC 3339 time (2026-01-31T12:00:00Z)");
    at = *parsed;
    options.certificateTime = at;
  }
  options.today = dateAt(at);
  if (args.challenge) {
    if (auto valid = workflows::validateChallenge(*args.challenge); !valid) {
      return fail("--challenge: " + valid.error().detail());
    }
    options.expectedChallenge = args.challenge;
  }
  options.expectedOrigin = args.origin;
  std::optional<onestop::cccd::QrPayload> qr;
  if (args.qr) {
    auto parsed = onestop::cccd::parseCccdQr(*args.qr);
    if (!parsed) return fail("--qr: " + parsed.error().detail());
    qr = std::move(parsed).value();
    options.qr = &*qr;
  }
  options.chipAuthenticationWitnessed = false;  // CA was run by the counter PC, not here

  std::string text;
  if (const auto problem = readInput(args.input, text)) return fail(*problem);
  const Json document = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return fail("the input is not valid JSON");
  const Json* bundle = findEvidence(document);
  if (bundle == nullptr) {
    return fail("no evidence bundle in the input (expected an object with \"format\": \"" +
                std::string(workflows::kEvidenceFormat) + "\" or an \"evidence\" member)");
  }
  auto evidence = workflows::evidenceFromJson(*bundle);
  if (!evidence) return fail(evidence.error().detail());

  const auto contents = workflows::parseContents(evidence->dataGroups);
  const auto verdict = workflows::verifyEvidence(*evidence, contents, options);
  const bool isAccepted = accepted(verdict, args.challenge.has_value());
  if (args.json) {
    const Json out{
        {"accepted", isAccepted},
        {"verdict", workflows::verdictToJson(verdict)},
        {"person", contents.person ? workflows::personToJson(*contents.person) : Json(nullptr)}};
    std::cout << out.dump(2) << '\n';
  } else {
    printSummary(verdict, args.challenge.has_value(), isAccepted);
  }
  return isAccepted ? kAccepted : kRejected;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& error) {
    // Unexpected (out of memory, a library throwing): still an input/usage-class failure, never
    // a silent "accepted".
    std::cerr << "onestop-verify: " << error.what() << '\n';
    return kUsageError;
  }
}
