#include "cccd_chip.hpp"

#include <stdexcept>
#include <variant>

namespace onestop::simulator::cccd {
namespace {

constexpr std::uint8_t kInsSelect = 0xA4;
constexpr std::uint8_t kInsReadBinary = 0xB0;
constexpr std::uint8_t kInsReadBinaryOdd = 0xB1;
constexpr std::uint8_t kInsGetChallenge = 0x84;
constexpr std::uint8_t kInsExternalAuthenticate = 0x82;
constexpr std::uint8_t kInsInternalAuthenticate = 0x88;
constexpr std::uint8_t kInsManageSecurityEnvironment = 0x22;
constexpr std::uint8_t kInsGeneralAuthenticate = 0x86;

constexpr std::uint16_t kMsePace = 0xC1A4;
constexpr std::uint16_t kMseChipAuthentication = 0x41A4;
constexpr std::uint16_t kMseChipAuthenticationKat = 0x41A6;

constexpr std::size_t kChallenge = 8;

ByteView fileContent(const ChipFileSystem& files, std::uint16_t fid) {
  const ChipFile* file = files.byFid(fid);
  return file == nullptr ? ByteView{} : ByteView(file->content);
}

bool noParameters(const ChipCommand& command) {
  return command.p1 == 0 && command.p2 == 0;
}

}  // namespace

CccdChip::CccdChip(const std::filesystem::path& folder)
    : files_(ChipFileSystem::load(folder)),
      profile_(ChipProfile::load(folder, fileContent(files_, 0x011C), fileContent(files_, 0x010E))),
      fileCommands_(files_),
      bac_(profile_.mrzInformation) {
  if (profile_.pace) pace_.emplace(*profile_.pace, profile_.mrzInformation, profile_.can);
  if (profile_.chipAuthenticationKey) chipAuthentication_.emplace(profile_.chipAuthenticationKey);
  if (profile_.activeAuthenticationKey) {
    activeAuthentication_.emplace(profile_.activeAuthenticationKey,
                                  profile_.activeAuthenticationHash);
  }
}

std::vector<std::uint8_t> CccdChip::atr() const {
  // 3B 80 80 01 01: T=1, no historical bytes — what PC/SC synthesises for a contactless chip.
  return {0x3B, 0x80, 0x80, 0x01, 0x01};
}

void CccdChip::endSession() {
  session_.reset();
  challenge_.clear();
  if (pace_) pace_->abort();
}

void CccdChip::reset() {
  endSession();
  selection_ = FileSelection{};
}

nlohmann::json CccdChip::status() const {
  return {{"failedAuthentications", failedAuthentications_},
          {"secureMessaging", session_.has_value()}};
}

std::vector<std::uint8_t> CccdChip::transmit(std::span<const std::uint8_t> raw) {
  const auto command = parseCommand(raw);
  if (!command) return respond(sw::kWrongLength);
  if ((command->cla & ~0x1C) != 0) return respond(sw::kClaNotSupported);
  try {
    return process(*command);
  } catch (const std::exception&) {
    endSession();  // an internal fault: like a chip that lost its volatile state
    return respond(sw::kNoPreciseDiagnosis);
  }
}

Bytes CccdChip::process(const ChipCommand& command) {
  if (!session_) {
    // A protected command with no session: the chip has no keys to check it with.
    if (command.secureMessaging()) return respond(sw::kSmObjectsIncorrect);
    ChipReply reply = dispatch(command);
    if (reply.nextSession) session_ = std::move(reply.nextSession);
    return respond(reply.data, reply.status);
  }
  auto unwrapped = session_->unwrap(command);
  if (const auto* refusal = std::get_if<std::uint16_t>(&unwrapped)) {
    // 9303-11 §9.8.4: an SM error ends the session; the keys are gone.
    endSession();
    return respond(*refusal);
  }
  ChipReply reply = dispatch(std::get<ChipCommand>(unwrapped));
  if (!session_) return respond(reply.data, reply.status);
  Bytes response = session_->wrap(reply.data, reply.status);
  // Chip Authentication: the answer still goes under the old keys, the next command not.
  if (reply.nextSession) session_ = std::move(reply.nextSession);
  return response;
}

ChipReply CccdChip::dispatch(const ChipCommand& command) {
  switch (command.ins) {
    case kInsSelect:
      return fileCommands_.select(command, selection_);
    case kInsReadBinary:
    case kInsReadBinaryOdd:
      return fileCommands_.readBinary(command, selection_, session_.has_value());
    case kInsGetChallenge:
      return getChallenge(command);
    case kInsExternalAuthenticate:
      return externalAuthenticate(command);
    case kInsManageSecurityEnvironment:
      return manageSecurityEnvironment(command);
    case kInsGeneralAuthenticate:
      return generalAuthenticate(command);
    case kInsInternalAuthenticate:
      return internalAuthenticate(command);
    default:
      return ChipReply::error(sw::kInsNotSupported);
  }
}

ChipReply CccdChip::getChallenge(const ChipCommand& command) {
  if (!noParameters(command)) return ChipReply::error(sw::kWrongP1P2);
  if (command.ne != kChallenge) return ChipReply::error(sw::kWrongLength);
  challenge_ = randomBytes(kChallenge);
  return ChipReply::ok(challenge_);
}

ChipReply CccdChip::externalAuthenticate(const ChipCommand& command) {
  if (!noParameters(command)) return ChipReply::error(sw::kWrongP1P2);
  if (session_ || !selection_.applicationSelected) {
    return ChipReply::error(sw::kConditionsNotSatisfied);
  }
  const Bytes challenge = std::move(challenge_);  // one try per challenge
  challenge_.clear();
  auto outcome = bac_.authenticate(challenge, command.data);
  if (auto* refusal = std::get_if<std::uint16_t>(&outcome)) {
    if (*refusal == sw::kAuthenticationFailed) ++failedAuthentications_;
    return ChipReply::error(*refusal);
  }
  auto& opened = std::get<BacResponder::Opened>(outcome);
  return ChipReply{std::move(opened.answer), sw::kOk, std::move(opened.session)};
}

ChipReply CccdChip::manageSecurityEnvironment(const ChipCommand& command) {
  const auto target = static_cast<std::uint16_t>((command.p1 << 8) | command.p2);
  switch (target) {
    case kMsePace:
      if (session_) return ChipReply::error(sw::kConditionsNotSatisfied);
      if (!pace_) return ChipReply::error(sw::kReferencedDataNotFound);
      return ChipReply::error(pace_->setAuthenticationTemplate(command.data));
    case kMseChipAuthentication:
      if (!session_) return ChipReply::error(sw::kSecurityStatusNotSatisfied);
      if (!chipAuthentication_) return ChipReply::error(sw::kReferencedDataNotFound);
      return ChipReply::error(chipAuthentication_->setAuthenticationTemplate(command.data));
    case kMseChipAuthenticationKat: {
      if (!session_) return ChipReply::error(sw::kSecurityStatusNotSatisfied);
      if (!chipAuthentication_) return ChipReply::error(sw::kReferencedDataNotFound);
      auto outcome = chipAuthentication_->setKeyAgreementTemplate(command.data);
      if (auto* refusal = std::get_if<std::uint16_t>(&outcome)) return ChipReply::error(*refusal);
      return ChipReply{{}, sw::kOk, std::move(std::get<ChipSecureMessaging>(outcome))};
    }
    default:
      return ChipReply::error(sw::kWrongP1P2);
  }
}

ChipReply CccdChip::generalAuthenticate(const ChipCommand& command) {
  if (!noParameters(command)) return ChipReply::error(sw::kWrongP1P2);
  if (session_) {
    if (!chipAuthentication_) return ChipReply::error(sw::kConditionsNotSatisfied);
    auto outcome = chipAuthentication_->generalAuthenticate(command.data);
    if (auto* refusal = std::get_if<std::uint16_t>(&outcome)) return ChipReply::error(*refusal);
    // 7C 00: Generic CA answers no nonce and no token (9303-11 §6.2.4.1).
    return ChipReply{{0x7C, 0x00}, sw::kOk, std::move(std::get<ChipSecureMessaging>(outcome))};
  }
  if (!pace_ || !pace_->started()) return ChipReply::error(sw::kConditionsNotSatisfied);
  PaceResponder::Step step = pace_->generalAuthenticate(command.data);
  if (step.status == sw::kAuthenticationFailed) ++failedAuthentications_;
  return ChipReply{std::move(step.data), step.status, std::move(step.session)};
}

ChipReply CccdChip::internalAuthenticate(const ChipCommand& command) {
  if (!noParameters(command)) return ChipReply::error(sw::kWrongP1P2);
  if (!activeAuthentication_) return ChipReply::error(sw::kInsNotSupported);
  if (!session_) return ChipReply::error(sw::kSecurityStatusNotSatisfied);
  auto signature = activeAuthentication_->sign(command.data);
  if (auto* refusal = std::get_if<std::uint16_t>(&signature)) return ChipReply::error(*refusal);
  return ChipReply::ok(std::move(std::get<Bytes>(signature)));
}

}  // namespace onestop::simulator::cccd
