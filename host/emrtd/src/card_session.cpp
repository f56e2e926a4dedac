#include "onestop/emrtd/card_session.hpp"

#include <memory>
#include <string>
#include <utility>

#include "onestop/emrtd/apdu.hpp"
#include "onestop/emrtd/bac.hpp"
#include "onestop/emrtd/card_access.hpp"
#include "onestop/emrtd/pace.hpp"
#include "onestop/emrtd/plain_channel.hpp"
#include "onestop/emrtd/secure_channel.hpp"
#include "session_checks.hpp"

namespace onestop::emrtd {

const char* cardReadStateName(CardReadState state) {
  switch (state) {
    case CardReadState::ReadCardAccess:
      return "ReadCardAccess";
    case CardReadState::Select:
      return "Select";
    case CardReadState::Authenticate:
      return "Authenticate";
    case CardReadState::ReadFile:
      return "ReadFile";
    case CardReadState::ChipAuthentication:
      return "ChipAuthentication";
    case CardReadState::ActiveAuthentication:
      return "ActiveAuthentication";
    case CardReadState::PassiveAuthentication:
      return "PassiveAuthentication";
    case CardReadState::Done:
      return "Done";
  }
  return "Unknown";
}

namespace {

// Checks the caller's cancellation before every APDU.
class CancellableTransport final : public CardTransport {
 public:
  CancellableTransport(CardTransport& inner, const std::function<bool()>& cancelled)
      : inner_(inner), cancelled_(cancelled) {}
  Result<Bytes> transmit(const Bytes& command) override {
    if (cancelled_ && cancelled_()) return Error(Reason::Cancelled, "cancelled by the caller");
    return inner_.transmit(command);
  }
  [[nodiscard]] std::size_t maxApduSize() const override { return inner_.maxApduSize(); }
  [[nodiscard]] bool extendedLength() const override { return inner_.extendedLength(); }

 private:
  CardTransport& inner_;
  const std::function<bool()>& cancelled_;
};

bool isSessionEnding(Reason reason) {
  return reason == Reason::CardRemoved || reason == Reason::Cancelled || reason == Reason::NoCard ||
         reason == Reason::Timeout;
}

class Session {
 public:
  Session(CardTransport& transport, RandomSource& random, const CardReadRequest& request)
      : transport_(transport, request.cancelled), random_(random), request_(request) {}

  Result<CardReadResult> run() {
    if (auto r = readCardAccess(); !r) return r.error();
    if (auto r = authenticate(); !r) return r.error();
    for (const LdsFile& file : request_.files) {
      if (auto r = readFile(file); !r) return r.error();
    }
    if (auto r = chipAuthentication(); !r) return r.error();
    if (auto r = activeAuthentication(); !r) return r.error();
    passiveAuthentication();
    enter(CardReadState::Done);
    return std::move(result_);
  }

 private:
  void enter(CardReadState state, const char* file = nullptr) {
    state_ = state;
    if (request_.onProgress) request_.onProgress({state, file, 0, 0});
  }

  [[nodiscard]] Error fail(const Error& error) const {
    return Error(error.reason(), std::string(cardReadStateName(state_)) + ": " + error.detail());
  }

  Result<void> readCardAccess() {
    enter(CardReadState::ReadCardAccess);
    PlainChannel plain(transport_);
    LdsReader reader(plain, request_.readOptions);
    auto file = reader.readFile(lds::kCardAccess);
    if (!file) {
      if (isSessionEnding(file.error().reason())) return fail(file.error());
      return Ok{};  // no EF.CardAccess (or unreadable): BAC only
    }
    result_.cardAccess = *file;
    if (auto infos = parseCardAccess(*file)) {
      pace_ = preferredPaceInfo(*infos);
      severalPaceInfos_ = infos->pace.size() > 1;  // then MSE:Set AT names the parameters
    }
    return Ok{};
  }

  Result<void> selectApplication(ApduChannel& channel) {
    enter(CardReadState::Select);
    if (auto r = LdsReader::selectApplication(channel); !r) return fail(r.error());
    return Ok{};
  }

  Result<void> authenticate() {
    const bool usePace = pace_ && pace_->mapping == PaceMapping::Generic &&
                         pace_->agreement == KeyAgreement::Ecdh && pace_->parameterId;
    if (!usePace) {
      PlainChannel plain(transport_);
      if (auto r = selectApplication(plain); !r) return r;
    }
    enter(CardReadState::Authenticate);
    std::size_t attempts = 0;
    for (std::size_t i = 0; i < request_.keys.size(); ++i) {
      if (attempts == request_.maxAuthenticationAttempts) break;
      const AccessKey& key = request_.keys[i];
      if (!usePace && key.kind != AccessKey::Kind::Mrz) continue;  // a CAN cannot open BAC
      ++attempts;
      auto session = usePace
                         ? performPace(transport_, random_,
                                       {pace_->cipher, *pace_->parameterId, severalPaceInfos_},
                                       {key.kind == AccessKey::Kind::Can ? PacePasswordType::Can
                                                                         : PacePasswordType::Mrz,
                                        key.value})
                         : performBac(transport_, random_, std::string_view(key.value));
      if (!session) {
        if (session.error().reason() == Reason::AccessKeyRejected) continue;
        return fail(session.error());
      }
      result_.authentication = usePace ? AuthenticationMethod::Pace : AuthenticationMethod::Bac;
      result_.keyIndex = i;
      channel_ = std::make_unique<SecureChannel>(transport_, std::move(session).value());
      if (usePace) return selectApplication(*channel_);
      return Ok{};
    }
    return Error(Reason::AccessKeyRejected,
                 std::string("Authenticate: every access key was rejected (") +
                     std::to_string(attempts) + " attempts)");
  }

  Result<void> readFile(const LdsFile& file) {
    enter(CardReadState::ReadFile, file.name);
    LdsReader reader(*channel_, request_.readOptions);
    auto bytes = reader.readFile(file, [&](std::size_t done, std::size_t total) {
      if (request_.onProgress)
        request_.onProgress({CardReadState::ReadFile, file.name, done, total});
    });
    if (!bytes) {
      if (bytes.error().reason() == Reason::NotSupported) return Ok{};  // absent or protected
      return fail(bytes.error());
    }
    const Bytes& stored = result_.files[file.name] = std::move(bytes).value();
    if (request_.onFileRead) request_.onFileRead(file, stored);
    return Ok{};
  }

  const Bytes* file(const char* name) const {
    auto it = result_.files.find(name);
    return it == result_.files.end() ? nullptr : &it->second;
  }

  void recordFailure(CardReadState state) {
    if (!result_.failedState) result_.failedState = state;
  }

  Result<void> chipAuthentication() {
    const Bytes* dg14 = file("EF.DG14");
    if (dg14 == nullptr) return Ok{};
    enter(CardReadState::ChipAuthentication);
    auto outcome = runChipAuthentication(transport_, *channel_, *dg14);
    if (!outcome) {
      if (isSessionEnding(outcome.error().reason())) return fail(outcome.error());
      result_.chipAuthentication = CheckOutcome::Failed;
      result_.chipAuthenticationDetail = outcome.error().detail();
      recordFailure(CardReadState::ChipAuthentication);
      caBroken_ = true;
      return Ok{};
    }
    result_.chipAuthentication = CheckOutcome::Passed;
    return Ok{};
  }

  Result<void> activeAuthentication() {
    const Bytes* dg15 = file("EF.DG15");
    if (dg15 == nullptr || request_.activeAuthenticationChallenge.size() != 8 || caBroken_) {
      return Ok{};
    }
    enter(CardReadState::ActiveAuthentication);
    const Bytes* dg14 = file("EF.DG14");
    auto signature = runActiveAuthentication(*channel_, *dg15, dg14 ? *dg14 : Bytes{},
                                             request_.activeAuthenticationChallenge);
    if (!signature) {
      if (isSessionEnding(signature.error().reason())) return fail(signature.error());
      result_.activeAuthentication = CheckOutcome::Failed;
      result_.activeAuthenticationDetail = signature.error().detail();
      recordFailure(CardReadState::ActiveAuthentication);
      return Ok{};
    }
    result_.activeAuthenticationSignature = signature->signature;
    result_.activeAuthentication = signature->valid ? CheckOutcome::Passed : CheckOutcome::Failed;
    if (!signature->valid) recordFailure(CardReadState::ActiveAuthentication);
    return Ok{};
  }

  void passiveAuthentication() {
    const Bytes* sod = file("EF.SOD");
    if (request_.trust == nullptr) return;
    enter(CardReadState::PassiveAuthentication);
    std::map<int, Bytes> groups;
    for (int n = 1; n <= 16; ++n) {
      if (const Bytes* dg = file(lds::dataGroup(n)->name)) groups[n] = *dg;
    }
    result_.passiveAuthentication = verifyPassiveAuthentication(
        sod ? *sod : Bytes{}, groups, *request_.trust, request_.passiveAuthOptions);
    if (!result_.passiveAuthentication->passed()) {
      recordFailure(CardReadState::PassiveAuthentication);
    }
  }

  CancellableTransport transport_;
  RandomSource& random_;
  const CardReadRequest& request_;
  CardReadState state_ = CardReadState::ReadCardAccess;
  std::optional<PaceInfo> pace_;
  bool severalPaceInfos_ = false;
  std::unique_ptr<SecureChannel> channel_;
  bool caBroken_ = false;
  CardReadResult result_;
};

}  // namespace

Result<CardReadResult> readCard(CardTransport& transport, RandomSource& random,
                                const CardReadRequest& request) {
  return Session(transport, random, request).run();
}

}  // namespace onestop::emrtd
