#include "onestop/workflows/evidence.hpp"

#include <ctime>

#include "onestop/common/base64.hpp"
#include "onestop/workflows/challenge_binding.hpp"

namespace onestop::workflows {
namespace {

using Json = nlohmann::json;
constexpr std::size_t kMaxFileBytes = std::size_t{1} << 20;  // a DG2 is ~20 KB; 1 MB is lavish
constexpr int kMaxDataGroup = 16;

std::string rfc3339(std::chrono::system_clock::time_point at) {
  const std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

const char* outcomeName(emrtd::CheckOutcome outcome) {
  switch (outcome) {
    case emrtd::CheckOutcome::Passed:
      return "passed";
    case emrtd::CheckOutcome::Failed:
      return "failed";
    case emrtd::CheckOutcome::NotPerformed:
      return "notPerformed";
  }
  return "notPerformed";
}

Error invalid(const std::string& member, const std::string& why) {
  return Error(Reason::ValidationFailed, "evidence." + member + ": " + why);
}

Result<std::string> stringMember(const Json& json, const char* name, bool required) {
  const auto it = json.find(name);
  if (it == json.end()) {
    if (required) return invalid(name, "missing");
    return std::string();
  }
  if (!it->is_string()) return invalid(name, "must be a string");
  return it->get<std::string>();
}

Result<emrtd::Bytes> binary(const Json& value, const std::string& member) {
  if (!value.is_string()) return invalid(member, "must be a base64 string");
  const auto& text = value.get_ref<const std::string&>();
  if (text.size() > kMaxFileBytes / 3 * 4 + 4) return invalid(member, "too large");
  auto bytes = base64Decode(text);
  if (!bytes) return invalid(member, "not valid base64");
  return std::move(bytes).value();
}

}  // namespace

Evidence evidenceFromRead(const CardReadOutput& read) {
  Evidence evidence;
  evidence.readAt = rfc3339(read.readAt);
  evidence.challenge = read.challenge;
  evidence.origin = read.origin;
  evidence.authentication =
      read.chip.authentication == emrtd::AuthenticationMethod::Pace ? "PACE" : "BAC";
  for (const auto& [name, bytes] : read.chip.files) {
    if (name == "EF.SOD") evidence.sod = bytes;
    for (int n = 1; n <= kMaxDataGroup; ++n) {
      if (name == emrtd::lds::dataGroup(n)->name) evidence.dataGroups[n] = bytes;
    }
  }
  if (!read.chip.activeAuthenticationSignature.empty()) {
    evidence.activeAuthenticationChallenge = read.activeAuthenticationChallenge;
    evidence.activeAuthenticationSignature = read.chip.activeAuthenticationSignature;
  }
  evidence.chipAuthentication = outcomeName(read.chip.chipAuthentication);
  return evidence;
}

Json evidenceToJson(const Evidence& evidence) {
  Json groups = Json::object();
  for (const auto& [n, bytes] : evidence.dataGroups)
    groups[std::to_string(n)] = base64Encode(bytes);
  Json json{
      {"format", kEvidenceFormat},
      {"readAt", evidence.readAt},
      {"challenge", evidence.challenge},
      {"origin", evidence.origin},
      {"binding", emrtd::toHex(bindingDigest(evidence.challenge, evidence.origin))},
      {"authentication", evidence.authentication},
      {"sod", base64Encode(evidence.sod)},
      {"dataGroups", std::move(groups)},
      {"chipAuthentication", {{"result", evidence.chipAuthentication}, {"transferable", false}}}};
  if (!evidence.activeAuthenticationSignature.empty()) {
    json["activeAuthentication"] = {
        {"challenge", emrtd::toHex(evidence.activeAuthenticationChallenge)},
        {"signature", base64Encode(evidence.activeAuthenticationSignature)}};
  }
  return json;
}

Result<Evidence> evidenceFromJson(const Json& json) {
  if (!json.is_object()) return invalid("", "must be an object");
  auto format = stringMember(json, "format", true);
  if (!format) return format.error();
  if (*format != kEvidenceFormat)
    return invalid("format", "unsupported (expected " + std::string(kEvidenceFormat) + ")");
  Evidence evidence;
  for (auto [name, target] :
       {std::pair{"readAt", &evidence.readAt}, std::pair{"challenge", &evidence.challenge},
        std::pair{"origin", &evidence.origin},
        std::pair{"authentication", &evidence.authentication}}) {
    auto value = stringMember(json, name, false);
    if (!value) return value.error();
    *target = std::move(value).value();
  }
  const auto sod = json.find("sod");
  if (sod == json.end()) return invalid("sod", "missing");
  auto sodBytes = binary(*sod, "sod");
  if (!sodBytes) return sodBytes.error();
  evidence.sod = std::move(sodBytes).value();

  const auto groups = json.find("dataGroups");
  if (groups == json.end() || !groups->is_object())
    return invalid("dataGroups", "must be an object");
  for (const auto& [key, value] : groups->items()) {
    int number = 0;
    for (const char c : key) {
      if (c < '0' || c > '9' || number > kMaxDataGroup)
        return invalid("dataGroups", "keys are 1–16");
      number = number * 10 + (c - '0');
    }
    if (key.empty() || number < 1 || number > kMaxDataGroup) {
      return invalid("dataGroups", "keys are 1–16");
    }
    auto bytes = binary(value, "dataGroups." + key);
    if (!bytes) return bytes.error();
    evidence.dataGroups[number] = std::move(bytes).value();
  }

  if (const auto aa = json.find("activeAuthentication"); aa != json.end()) {
    if (!aa->is_object()) return invalid("activeAuthentication", "must be an object");
    auto challenge = stringMember(*aa, "challenge", true);
    if (!challenge) return challenge.error();
    auto challengeBytes = emrtd::fromHex(*challenge);
    if (!challengeBytes || challengeBytes->size() != kActiveAuthenticationChallengeBytes) {
      return invalid("activeAuthentication.challenge", "must be 8 bytes in hex");
    }
    const auto signature = aa->find("signature");
    if (signature == aa->end()) return invalid("activeAuthentication.signature", "missing");
    auto signatureBytes = binary(*signature, "activeAuthentication.signature");
    if (!signatureBytes) return signatureBytes.error();
    evidence.activeAuthenticationChallenge = std::move(challengeBytes).value();
    evidence.activeAuthenticationSignature = std::move(signatureBytes).value();
  }
  if (const auto ca = json.find("chipAuthentication"); ca != json.end()) {
    if (!ca->is_object()) return invalid("chipAuthentication", "must be an object");
    auto result = stringMember(*ca, "result", false);
    if (!result) return result.error();
    if (*result != "passed" && *result != "failed" && *result != "notPerformed") {
      return invalid("chipAuthentication.result", "passed, failed or notPerformed");
    }
    evidence.chipAuthentication = std::move(result).value();
  }
  return evidence;
}

}  // namespace onestop::workflows
