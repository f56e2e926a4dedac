#include "onestop/workflows/eid_verdict.hpp"

#include <algorithm>
#include <chrono>

#include "onestop/cccd/id_number.hpp"
#include "onestop/cccd/unicode_text.hpp"
#include "onestop/emrtd/active_authentication.hpp"
#include "onestop/emrtd/passive_auth.hpp"
#include "onestop/workflows/challenge_binding.hpp"
#include "onestop/workflows/verdict_messages.hpp"

namespace onestop::workflows {
namespace {

class Checks {
 public:
  explicit Checks(EidVerdict& verdict) : verdict_(verdict) {}
  void pass(std::string name, std::string group, std::string detail = {}) {
    verdict_.checks.push_back({std::move(name), std::move(group), true, {}, std::move(detail)});
  }
  void fail(std::string name, std::string group, std::string reason, std::string detail = {}) {
    verdict_.checks.push_back(
        {std::move(name), std::move(group), false, std::move(reason), std::move(detail)});
  }
  // True when the group has at least one check and all of them passed.
  [[nodiscard]] bool allPassed(const std::string& group) const {
    bool any = false;
    for (const auto& check : verdict_.checks) {
      if (check.group != group) continue;
      any = true;
      if (!check.passed) return false;
    }
    return any;
  }

 private:
  EidVerdict& verdict_;
};

const emrtd::Bytes* group(const Evidence& evidence, int number) {
  const auto it = evidence.dataGroups.find(number);
  return it == evidence.dataGroups.end() ? nullptr : &it->second;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
  return out;
}

void checkPassiveAuthentication(const Evidence& evidence, const VerifyOptions& options,
                                Checks& checks) {
  const emrtd::PassiveAuthVerdict pa =
      options.passiveAuthentication != nullptr
          ? *options.passiveAuthentication
          : emrtd::verifyPassiveAuthentication(evidence.sod, evidence.dataGroups, *options.trust,
                                               {options.certificateTime});
  if (!pa.sodParsed) {
    checks.fail("passiveAuthentication.sod", "genuine", "SOD_MALFORMED", join(pa.failures));
    return;
  }
  checks.pass("passiveAuthentication.sod", "genuine");
  if (pa.signatureValid) {
    checks.pass("passiveAuthentication.signature", "genuine");
  } else {
    checks.fail("passiveAuthentication.signature", "genuine", "SIGNATURE_INVALID");
  }
  if (pa.chainValid) {
    checks.pass("passiveAuthentication.documentSigner", "genuine");
  } else {
    checks.fail("passiveAuthentication.documentSigner", "genuine",
                pa.certificateExpired ? "DS_EXPIRED" : "CHAIN_UNTRUSTED");
  }
  std::vector<std::string> mismatched;
  for (const auto& [number, check] : pa.dataGroupHashes) {
    if (check == emrtd::HashCheck::Mismatch) mismatched.push_back("DG" + std::to_string(number));
  }
  for (const int number : pa.unlistedDataGroups) {
    mismatched.push_back("DG" + std::to_string(number) + " (not in EF.SOD)");
  }
  if (mismatched.empty()) {
    checks.pass("passiveAuthentication.dataGroupHashes", "genuine");
  } else {
    checks.fail("passiveAuthentication.dataGroupHashes", "genuine", "HASH_MISMATCH",
                join(mismatched));
  }
  switch (pa.revocation) {
    case emrtd::RevocationStatus::Good:
      checks.pass("documentSignerRevocation", "notRevoked");
      break;
    case emrtd::RevocationStatus::NotChecked:
      checks.pass("documentSignerRevocation", "notRevoked", "no CRL configured");
      break;
    case emrtd::RevocationStatus::Revoked:
      checks.fail("documentSignerRevocation", "notRevoked", "DS_REVOKED");
      break;
    case emrtd::RevocationStatus::Unknown:
      checks.fail("documentSignerRevocation", "notRevoked", "REVOCATION_UNKNOWN");
      break;
  }
}

// Returns whether the chip's signature verified.
bool checkActiveAuthentication(const Evidence& evidence, Checks& checks) {
  const emrtd::Bytes* dg15 = group(evidence, 15);
  if (dg15 == nullptr) return false;  // the chip has no AA key
  if (evidence.activeAuthenticationSignature.empty()) {
    checks.fail("activeAuthentication", "genuine", "AA_NOT_PERFORMED");
    return false;
  }
  const emrtd::Bytes* dg14 = group(evidence, 14);
  auto valid = emrtd::verifyActiveAuthenticationFiles(
      *dg15, dg14 != nullptr ? *dg14 : emrtd::Bytes{}, evidence.activeAuthenticationChallenge,
      evidence.activeAuthenticationSignature);
  if (valid && *valid) {
    checks.pass("activeAuthentication", "genuine");
    return true;
  }
  checks.fail("activeAuthentication", "genuine", "AA_FAILED",
              valid ? "the signature does not verify with the DG15 key" : valid.error().detail());
  return false;
}

void checkChipAuthentication(const Evidence& evidence, const VerifyOptions& options,
                             Checks& checks) {
  if (group(evidence, 14) == nullptr) return;
  if (evidence.chipAuthentication == "failed") {
    checks.fail("chipAuthentication", "genuine", "CA_FAILED");
  } else if (options.chipAuthenticationWitnessed) {
    if (evidence.chipAuthentication == "passed") {
      checks.pass("chipAuthentication", "genuine");
    } else {
      checks.fail("chipAuthentication", "genuine", "CA_NOT_PERFORMED");
    }
  }
}

void checkBinding(const Evidence& evidence, const VerifyOptions& options, bool aaVerified,
                  Checks& checks) {
  if (options.expectedChallenge) {
    if (*options.expectedChallenge == evidence.challenge) {
      checks.pass("binding.challenge", "bound");
    } else {
      checks.fail("binding.challenge", "bound", "CHALLENGE_MISMATCH");
    }
  }
  if (options.expectedOrigin) {
    if (*options.expectedOrigin == evidence.origin) {
      checks.pass("binding.origin", "bound");
    } else {
      checks.fail("binding.origin", "bound", "ORIGIN_MISMATCH");
    }
  }
  if (evidence.challenge.empty()) {
    checks.fail("binding.signature", "bound", "NOT_BOUND", "the read was made without a challenge");
  } else if (!aaVerified) {
    checks.fail("binding.signature", "bound", "NOT_BOUND",
                "no verified Active Authentication signature");
  } else if (evidence.activeAuthenticationChallenge !=
             activeAuthenticationChallenge(evidence.challenge, evidence.origin)) {
    checks.fail("binding.signature", "bound", "BINDING_MISMATCH",
                "the chip signed another value than SHA-256(challenge ‖ origin)");
  } else {
    checks.pass("binding.signature", "bound");
  }
}

std::optional<cccd::Date> expiryDate(const CardContents& contents, bool& noExpiry) {
  noExpiry = false;
  if (contents.person && contents.person->expiry) {
    if (contents.person->expiry->noExpiry) {
      noExpiry = true;
      return std::nullopt;
    }
    if (contents.person->expiry->date) return contents.person->expiry->date;
  }
  if (contents.dg1) {
    const auto& yymmdd = contents.dg1->mrz.dateOfExpiry;
    if (yymmdd == "991231") {
      noExpiry = true;
      return std::nullopt;
    }
    // An MRZ expiry is always this century on a CCCD (issued from 2016).
    if (auto date = cccd::parseCompactDate(yymmdd.substr(4, 2) + yymmdd.substr(2, 2) + "20" +
                                           yymmdd.substr(0, 2))) {
      return *date;
    }
  }
  return std::nullopt;
}

void checkValidity(const CardContents& contents, const VerifyOptions& options, Checks& checks) {
  if (contents.dg1) {
    checks.pass("mrz", "valid");
  } else {
    checks.fail("mrz", "valid", "MRZ_INVALID", contents.dg1Error);
  }
  if (contents.person) {
    checks.pass("personalData", "valid");
  } else {
    checks.fail("personalData", "valid", "DG13_INVALID", contents.personError);
  }
  bool noExpiry = false;
  const auto expiry = expiryDate(contents, noExpiry);
  if (noExpiry) {
    checks.pass("expiry", "valid", "no expiry");
  } else if (!expiry) {
    checks.fail("expiry", "valid", "EXPIRY_UNKNOWN");
  } else if (*expiry < options.today) {
    checks.fail("expiry", "valid", "CARD_EXPIRED");
  } else {
    checks.pass("expiry", "valid");
  }
  if (!contents.person) return;
  auto id = cccd::parseIdNumber(contents.person->idNumber);
  if (!id) {
    checks.fail("idNumber", "valid", "ID_NUMBER_INVALID", id.error().detail());
    return;
  }
  const auto findings = cccd::checkIdNumber(
      *id, {contents.person->dateOfBirth, contents.person->sex, options.today.year()});
  if (findings.empty()) {
    checks.pass("idNumber", "valid");
    return;
  }
  std::vector<std::string> names;
  for (const auto& finding : findings) names.emplace_back(cccd::idCheckName(finding.check));
  checks.fail("idNumber", "valid", "ID_NUMBER_INVALID", join(names));
}

void checkMrzAgainstDg13(const CardContents& contents, Checks& checks) {
  if (!contents.dg1 || !contents.person) return;
  const auto& mrz = contents.dg1->mrz;
  const auto& person = *contents.person;
  std::vector<std::string> differ;
  if (mrz.idNumber != person.idNumber) differ.emplace_back("idNumber");
  if (mrz.dateOfBirth != cccd::toYymmdd(person.dateOfBirth)) differ.emplace_back("dateOfBirth");
  if (person.sex && mrz.sex != (*person.sex == cccd::Sex::Male ? 'M' : 'F')) {
    differ.emplace_back("sex");
  }
  if (person.expiry) {
    const std::string expected = person.expiry->noExpiry ? std::string("991231")
                                 : person.expiry->date   ? cccd::toYymmdd(*person.expiry->date)
                                                         : mrz.dateOfExpiry;
    if (expected != mrz.dateOfExpiry) differ.emplace_back("dateOfExpiry");
  }
  // The MRZ name is cut at 30 characters: the chip's name must start with it.
  const auto folded = cccd::toMrzName(person.fullName);
  std::string mrzName = mrz.primaryIdentifier;
  if (!mrz.secondaryIdentifier.empty()) mrzName += " " + mrz.secondaryIdentifier;
  if (!folded || mrzName.empty() || folded->rfind(mrzName, 0) != 0) differ.emplace_back("name");
  if (differ.empty()) {
    checks.pass("mrzMatchesPersonalData", "consistent");
  } else {
    checks.fail("mrzMatchesPersonalData", "consistent", "MRZ_MISMATCH", join(differ));
  }
}

void checkQrAgainstChip(const CardContents& contents, const cccd::QrPayload& qr, Checks& checks) {
  if (!contents.person) {
    checks.fail("qrMatchesChip", "consistent", "QR_MISMATCH", "the chip's DG13 is unreadable");
    return;
  }
  const auto& p = *contents.person;
  std::vector<std::string> differ;
  if (qr.idNumber != p.idNumber) differ.emplace_back("idNumber");
  if (qr.oldIdNumber != p.oldIdNumber) differ.emplace_back("oldIdNumber");
  if (qr.fullName != p.fullName) differ.emplace_back("fullName");
  if (qr.dateOfBirth != p.dateOfBirth) differ.emplace_back("dateOfBirth");
  if (p.sex && qr.sex != *p.sex) differ.emplace_back("sex");
  if (qr.address != p.placeOfResidence) differ.emplace_back("address");
  if (!p.dateOfIssue || qr.dateOfIssue != *p.dateOfIssue) differ.emplace_back("dateOfIssue");
  if (differ.empty()) {
    checks.pass("qrMatchesChip", "consistent");
  } else {
    checks.fail("qrMatchesChip", "consistent", "QR_MISMATCH", join(differ));
  }
}

}  // namespace

std::vector<std::string> EidVerdict::failedReasons() const {
  std::vector<std::string> reasons;
  for (const auto& check : checks) {
    if (!check.passed && std::find(reasons.begin(), reasons.end(), check.reason) == reasons.end()) {
      reasons.push_back(check.reason);
    }
  }
  return reasons;
}

EidVerdict verifyEvidence(const Evidence& evidence, const CardContents& contents,
                          const VerifyOptions& options) {
  EidVerdict verdict;
  Checks checks(verdict);
  checkPassiveAuthentication(evidence, options, checks);
  const bool aaVerified = checkActiveAuthentication(evidence, checks);
  checkChipAuthentication(evidence, options, checks);
  checkBinding(evidence, options, aaVerified, checks);
  checkValidity(contents, options, checks);
  checkMrzAgainstDg13(contents, checks);
  if (options.qr != nullptr) checkQrAgainstChip(contents, *options.qr, checks);
  if (options.online != nullptr && contents.person) {
    const auto status = options.online->check(
        {contents.person->idNumber, contents.dg1 ? contents.dg1->mrz.documentNumber : ""});
    verdict.online = status;
    switch (status) {
      case OnlineStatus::Active:
        checks.pass("online", "notRevoked", options.online->name());
        break;
      case OnlineStatus::Revoked:
        checks.fail("online", "notRevoked", "ONLINE_REVOKED", options.online->name());
        break;
      case OnlineStatus::Unknown:
        checks.fail("online", "notRevoked", "ONLINE_UNKNOWN", options.online->name());
        break;
      case OnlineStatus::Unavailable:
        // No answer is no verdict on the card: reported, but notRevoked rests on the CRL.
        checks.fail("online", "online", "ONLINE_UNAVAILABLE", options.online->name());
        break;
    }
  }
  verdict.genuine = checks.allPassed("genuine");
  verdict.notRevoked = checks.allPassed("notRevoked");
  verdict.valid = checks.allPassed("valid");
  verdict.consistent = checks.allPassed("consistent");
  verdict.bound = checks.allPassed("bound");
  return verdict;
}

nlohmann::json verdictToJson(const EidVerdict& verdict) {
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& check : verdict.checks) {
    nlohmann::json item{{"name", check.name}, {"group", check.group}, {"passed", check.passed}};
    if (!check.detail.empty()) item["detail"] = check.detail;
    if (!check.passed) {
      item["reason"] = check.reason;
      const auto message = verdictMessage(check.reason);
      item["message"] = {{"vi", message.vi}, {"en", message.en}};
    }
    checks.push_back(std::move(item));
  }
  return {{"genuine", verdict.genuine},
          {"notRevoked", verdict.notRevoked},
          {"valid", verdict.valid},
          {"consistent", verdict.consistent},
          {"bound", verdict.bound},
          {"online", verdict.online ? nlohmann::json(onlineStatusName(*verdict.online))
                                    : nlohmann::json(nullptr)},
          {"failures", verdict.failedReasons()},
          {"checks", std::move(checks)}};
}

}  // namespace onestop::workflows
