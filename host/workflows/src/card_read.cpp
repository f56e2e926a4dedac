#include "onestop/workflows/card_read.hpp"

#include <string_view>
#include <thread>
#include <utility>

#include "onestop/cccd/dg13.hpp"
#include "onestop/emrtd/lds_file.hpp"
#include "onestop/emrtd/random_source.hpp"
#include "onestop/workflows/challenge_binding.hpp"

namespace onestop::workflows {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kCardPollInterval = std::chrono::milliseconds(100);

// Counts the APDUs of a read (the benchmark's and the audit's figure).
class CountingTransport final : public emrtd::CardTransport {
 public:
  explicit CountingTransport(emrtd::CardTransport& inner) : inner_(inner) {}
  Result<emrtd::Bytes> transmit(const emrtd::Bytes& command) override {
    ++count_;
    return inner_.transmit(command);
  }
  [[nodiscard]] std::size_t maxApduSize() const override { return inner_.maxApduSize(); }
  [[nodiscard]] bool extendedLength() const override { return inner_.extendedLength(); }
  [[nodiscard]] std::size_t count() const { return count_; }

 private:
  emrtd::CardTransport& inner_;
  std::size_t count_ = 0;
};

const char* stateName(emrtd::CardReadState state) {
  switch (state) {
    case emrtd::CardReadState::ReadCardAccess:
      return "readingCardAccess";
    case emrtd::CardReadState::Select:
      return "selecting";
    case emrtd::CardReadState::Authenticate:
      return "authenticating";
    case emrtd::CardReadState::ReadFile:
      return "reading";
    case emrtd::CardReadState::ChipAuthentication:
      return "chipAuthentication";
    case emrtd::CardReadState::ActiveAuthentication:
      return "activeAuthentication";
    case emrtd::CardReadState::PassiveAuthentication:
      return "passiveAuthentication";
    case emrtd::CardReadState::Done:
      return "done";
  }
  return "done";
}

// DG13 right after authentication: the citizen's fields reach the page before the photo.
std::vector<emrtd::LdsFile> readOrder() {
  return {emrtd::lds::kCom,          *emrtd::lds::dataGroup(13), *emrtd::lds::dataGroup(1),
          *emrtd::lds::dataGroup(2), *emrtd::lds::dataGroup(14), *emrtd::lds::dataGroup(15),
          emrtd::lds::kSod};
}

emrtd::AccessKey toChipKey(const cccd::KeyCandidate& candidate) {
  return {candidate.method == cccd::AccessMethod::PaceCan ? emrtd::AccessKey::Kind::Can
                                                          : emrtd::AccessKey::Kind::Mrz,
          candidate.secret};
}

}  // namespace

CardReadWorkflow::CardReadWorkflow(ReaderAccess& readers,
                                   std::shared_ptr<const emrtd::TrustStore> trust)
    : readers_(readers), trust_(std::move(trust)) {}

bool CardReadWorkflow::claim(const std::string& readerId) {
  std::lock_guard lock(mutex_);
  return busy_.insert(readerId).second;
}

void CardReadWorkflow::release(const std::string& readerId) {
  std::lock_guard lock(mutex_);
  busy_.erase(readerId);
}

Result<plugins::DeviceSnapshot> CardReadWorkflow::waitForReader(const CardReadInput& input) {
  const auto deadline = Clock::now() + input.waitForCard;
  bool reported = false;
  for (;;) {
    auto chosen = chooseReader(readers_.readers(), input.reader);
    if (chosen && chosen->cardPresent) return chosen;
    const bool mayWait =
        (chosen || chosen.error().reason() == Reason::NoCard) && Clock::now() < deadline;
    if (!mayWait) {
      if (!chosen) return chosen.error();
      return Error(Reason::NoCard, "no card on reader " + chosen->id);
    }
    if (input.cancelled && input.cancelled()) return Error(Reason::Cancelled, "waitingForCard");
    if (!reported && input.onProgress) input.onProgress({"waitingForCard", "", 0, 0, 0, 0});
    reported = true;
    std::this_thread::sleep_for(kCardPollInterval);
  }
}

Result<CardReadOutput> CardReadWorkflow::run(const CardReadInput& input) {
  auto plan = cccd::planAccessKeys(input.keys, cccd::ChipAccess{/*paceOffered=*/true});
  if (!plan) return plan.error();
  auto reader = waitForReader(input);
  if (!reader) return reader.error();
  if (!claim(reader->id)) {
    return Error(Reason::DeviceBusy, "a card read is already running on " + reader->id);
  }
  struct Release {
    CardReadWorkflow& self;
    std::string id;
    ~Release() { self.release(id); }
  } releaseOnExit{*this, reader->id};

  auto transport = readers_.connect(reader->id);
  if (!transport) return transport.error();
  CountingTransport counting(**transport);

  CardReadOutput out;
  out.reader = *reader;
  out.challenge = input.challenge;
  out.origin = input.origin;
  emrtd::OpenSslRandomSource random;
  if (!input.challenge.empty()) {
    out.activeAuthenticationChallenge =
        activeAuthenticationChallenge(input.challenge, input.origin);
  } else {
    auto nonce = random.generate(kActiveAuthenticationChallengeBytes);
    if (!nonce) return nonce.error();
    out.activeAuthenticationChallenge = std::move(nonce).value();
  }

  emrtd::CardReadRequest request;
  for (const auto& candidate : *plan) request.keys.push_back(toChipKey(candidate));
  request.maxAuthenticationAttempts = request.keys.size();
  request.files = readOrder();
  request.activeAuthenticationChallenge = out.activeAuthenticationChallenge;
  request.trust = trust_.get();
  request.cancelled = input.cancelled;
  std::size_t filesDone = 0;
  const std::size_t fileCount = request.files.size();
  request.onProgress = [&](const emrtd::CardReadProgress& p) {
    if (!input.onProgress) return;
    input.onProgress({stateName(p.state), p.file != nullptr ? p.file : "", p.bytesRead,
                      p.totalBytes, filesDone, fileCount});
  };
  request.onFileRead = [&](const emrtd::LdsFile& file, const emrtd::Bytes& bytes) {
    ++filesDone;
    if (input.onCitizenRecord && std::string_view(file.name) == emrtd::lds::dataGroup(13)->name) {
      // A DG13 that does not parse is reported with the result; nothing to show early.
      if (auto person = cccd::parseDg13(bytes)) input.onCitizenRecord(*person);
    }
  };

  auto chip = emrtd::readCard(counting, random, request);
  out.apduCount = counting.count();
  if (!chip) return chip.error();
  out.chip = std::move(chip).value();
  out.key = (*plan)[out.chip.keyIndex];
  out.key.secret.clear();
  out.keyPosition = out.chip.keyIndex + 1;
  out.readAt = std::chrono::system_clock::now();
  return out;
}

}  // namespace onestop::workflows
