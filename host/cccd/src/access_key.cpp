#include "onestop/cccd/access_key.hpp"

#include <algorithm>
#include <utility>

#include "onestop/cccd/expiry_rules.hpp"
#include "onestop/cccd/id_number.hpp"
#include "onestop/emrtd/mrz.hpp"

namespace onestop::cccd {
namespace {

constexpr std::size_t kCanLength = 6;

Error inputError(const std::string& what) {
  return Error(Reason::ValidationFailed, "ACCESS_KEY: " + what);
}

// Candidates of one method, distinct by secret, at most `limit`.
class CandidateList {
 public:
  explicit CandidateList(std::size_t limit) : limit_(limit) {}

  void add(KeyCandidate candidate) {
    if (list_.size() >= limit_) return;
    const bool seen = std::any_of(list_.begin(), list_.end(), [&](const KeyCandidate& c) {
      return c.secret == candidate.secret;
    });
    if (!seen) list_.push_back(std::move(candidate));
  }
  std::vector<KeyCandidate>& list() { return list_; }

 private:
  std::size_t limit_;
  std::vector<KeyCandidate> list_;
};

KeyCandidate paceCan(KeySource source, std::string can) {
  KeyCandidate candidate;
  candidate.method = AccessMethod::PaceCan;
  candidate.source = source;
  candidate.secret = std::move(can);
  return candidate;
}

KeyCandidate bac(KeySource source, const IdNumber& id, Date birth, const ExpiryCandidate& expiry,
                 ExpiryBasis basis) {
  KeyCandidate candidate;
  candidate.source = source;
  candidate.expiryBasis = basis;
  candidate.renewalAge = basis == ExpiryBasis::RenewalAge ? expiry.renewalAge : 0;
  candidate.secret =
      emrtd::bacMrzInformation(id.documentNumber(), toYymmdd(birth), mrzExpiry(expiry));
  return candidate;
}

void addDerivedBac(CandidateList& keys, const PersonalKeyData& data, const IdNumber& id,
                   std::optional<Date> today) {
  std::vector<ExpiryCandidate> expiries;
  if (data.dateOfIssue) {
    expiries = expiryCandidatesFromIssue(*data.dateOfBirth, *data.dateOfIssue);
  } else if (today) {
    expiries = expiryCandidatesOn(*data.dateOfBirth, *today);
  }
  for (const auto& expiry : expiries) {
    const auto basis = expiry.date ? ExpiryBasis::RenewalAge : ExpiryBasis::NoExpiry;
    keys.add(bac(data.source, id, *data.dateOfBirth, expiry, basis));
  }
}

struct ParsedInputs {
  std::optional<emrtd::Mrz> mrz;
  std::vector<std::pair<const PersonalKeyData*, IdNumber>> personal;
};

Result<ParsedInputs> parseInputs(const AccessKeyInputs& inputs) {
  ParsedInputs parsed;
  if (inputs.can && (inputs.can->size() != kCanLength ||
                     !std::all_of(inputs.can->begin(), inputs.can->end(),
                                  [](char c) { return c >= '0' && c <= '9'; }))) {
    return inputError("a CAN is 6 digits");
  }
  if (inputs.mrz) {
    auto mrz = emrtd::parseTd1(*inputs.mrz);
    if (!mrz) return inputError("MRZ: " + mrz.error().detail());
    parsed.mrz = std::move(*mrz);
  }
  for (const auto& data : inputs.personal) {
    auto id = parseIdNumber(data.idNumber);
    if (!id)
      return inputError(std::string(keySourceName(data.source)) + ": " + id.error().detail());
    parsed.personal.emplace_back(&data, std::move(*id));
  }
  return parsed;
}

}  // namespace

std::string_view keySourceName(KeySource source) {
  switch (source) {
    case KeySource::TypedCan:
      return "TYPED_CAN";
    case KeySource::Mrz:
      return "MRZ";
    case KeySource::TypedFields:
      return "TYPED_FIELDS";
    case KeySource::QrCode:
      return "QR_CODE";
    case KeySource::PreviousRead:
      return "PREVIOUS_READ";
  }
  return "UNKNOWN";
}

std::string KeyCandidate::describe() const {
  std::string text = method == AccessMethod::PaceCan ? "PACE with CAN" : "BAC";
  text += ", from ";
  text += keySourceName(source);
  switch (expiryBasis) {
    case ExpiryBasis::NotNeeded:
      break;
    case ExpiryBasis::Stated:
      text += ", stated expiry";
      break;
    case ExpiryBasis::RenewalAge:
      text += ", expiry at renewal age " + std::to_string(renewalAge);
      break;
    case ExpiryBasis::NoExpiry:
      text += ", no expiry (991231)";
      break;
  }
  return text;
}

Result<std::vector<KeyCandidate>> planAccessKeys(const AccessKeyInputs& inputs, ChipAccess chip,
                                                 AttemptLimits limits) {
  auto parsed = parseInputs(inputs);
  if (!parsed) return parsed.error();
  CandidateList pace(chip.paceOffered ? std::min(limits.pace, kMaxPaceAttempts) : 0);
  CandidateList bacKeys(std::min(limits.bac, kMaxBacAttempts));
  if (inputs.can) pace.add(paceCan(KeySource::TypedCan, *inputs.can));
  if (parsed->mrz) {
    if (parsed->mrz->idNumber.size() == 12) {
      pace.add(paceCan(KeySource::Mrz, parsed->mrz->idNumber.substr(6)));
    }
    KeyCandidate fromMrz;
    fromMrz.source = KeySource::Mrz;
    fromMrz.expiryBasis = ExpiryBasis::Stated;
    fromMrz.secret = parsed->mrz->bacMrzInformation();
    bacKeys.add(std::move(fromMrz));
  }
  for (const auto& [data, id] : parsed->personal) {
    pace.add(paceCan(data->source, id.can()));
    if (!data->dateOfBirth || !(data->dateOfExpiry || data->noExpiry)) continue;
    const ExpiryCandidate stated{data->noExpiry ? std::nullopt : data->dateOfExpiry, 0, true};
    bacKeys.add(bac(data->source, id, *data->dateOfBirth, stated, ExpiryBasis::Stated));
  }
  for (const auto& [data, id] : parsed->personal) {
    if (data->dateOfBirth) addDerivedBac(bacKeys, *data, id, inputs.today);
  }
  std::vector<KeyCandidate> plan = std::move(pace.list());
  for (auto& key : bacKeys.list()) plan.push_back(std::move(key));
  if (plan.empty()) {
    return inputError(chip.paceOffered
                          ? "no key: give the CAN, the MRZ, or the ID number"
                          : "no BAC key: give the MRZ, or the ID number with the date of birth "
                            "and the expiry or issue date");
  }
  return plan;
}

}  // namespace onestop::cccd
