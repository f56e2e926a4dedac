#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "active_authentication_signer.hpp"
#include "bac_responder.hpp"
#include "card_model.hpp"
#include "chip_apdu.hpp"
#include "chip_authentication_responder.hpp"
#include "chip_file_commands.hpp"
#include "chip_file_system.hpp"
#include "chip_profile.hpp"
#include "pace_responder.hpp"

namespace onestop::simulator::cccd {

// A Vietnamese CCCD chip (an ICAO 9303 eMRTD) serving one card folder: EF.CardAccess in the MF,
// the LDS in application A0000002471001, BAC, PACE-GM, Chip Authentication, Active
// Authentication and secure messaging, with the status words of a real chip. Written apart
// from host/emrtd so that the two cross-check each other.
class CccdChip final : public CardModel {
 public:
  // Throws std::runtime_error when the folder is not a usable card (no EF.COM, no chip.json,
  // unreadable keys).
  explicit CccdChip(const std::filesystem::path& folder);

  [[nodiscard]] std::vector<std::uint8_t> atr() const override;
  std::vector<std::uint8_t> transmit(std::span<const std::uint8_t> command) override;
  void reset() override;
  [[nodiscard]] nlohmann::json status() const override;

  // Access keys refused since the card was made (BAC and PACE); never reset, never blocks.
  [[nodiscard]] std::size_t failedAuthentications() const { return failedAuthentications_; }
  [[nodiscard]] bool secureMessagingActive() const { return session_.has_value(); }

 private:
  Bytes process(const ChipCommand& command);
  ChipReply dispatch(const ChipCommand& command);
  ChipReply getChallenge(const ChipCommand& command);
  ChipReply externalAuthenticate(const ChipCommand& command);
  ChipReply manageSecurityEnvironment(const ChipCommand& command);
  ChipReply generalAuthenticate(const ChipCommand& command);
  ChipReply internalAuthenticate(const ChipCommand& command);
  void endSession();

  ChipFileSystem files_;
  ChipProfile profile_;
  ChipFileCommands fileCommands_;
  BacResponder bac_;
  std::optional<PaceResponder> pace_;
  std::optional<ChipAuthenticationResponder> chipAuthentication_;
  std::optional<ActiveAuthenticationSigner> activeAuthentication_;

  FileSelection selection_;
  std::optional<ChipSecureMessaging> session_;
  Bytes challenge_;
  std::size_t failedAuthentications_ = 0;
};

}  // namespace onestop::simulator::cccd
