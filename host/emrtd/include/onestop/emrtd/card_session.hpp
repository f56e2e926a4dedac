#pragma once
// One full, verified read of an eMRTD over a CardTransport (issue 4 item 6, without waiting for
// the card): a pure orchestration of the library's protocol steps as named states.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/card_transport.hpp"
#include "onestop/emrtd/lds_file.hpp"
#include "onestop/emrtd/lds_reader.hpp"
#include "onestop/emrtd/passive_auth.hpp"
#include "onestop/emrtd/random_source.hpp"
#include "onestop/emrtd/trust_store.hpp"

namespace onestop::emrtd {

// The states of a read, in the order they run. EF.CardAccess lives in the MF, so it is read
// before the application is selected; with PACE the application is selected after PACE, under
// secure messaging, with BAC before BAC on the plain channel.
enum class CardReadState {
  ReadCardAccess,
  Select,
  Authenticate,
  ReadFile,
  ChipAuthentication,
  ActiveAuthentication,
  PassiveAuthentication,
  Done,
};
const char* cardReadStateName(CardReadState state);

// One access key to try: MRZ_information (Mrz::bacMrzInformation()) works for PACE and BAC,
// CAN digits only for PACE.
struct AccessKey {
  enum class Kind { Mrz, Can };
  Kind kind = Kind::Mrz;
  std::string value;
};

// What a callback sees: the state entered, and for ReadFile the file and its bytes read/total.
struct CardReadProgress {
  CardReadState state = CardReadState::ReadCardAccess;
  const char* file = nullptr;
  std::size_t bytesRead = 0;
  std::size_t totalBytes = 0;
};

struct CardReadRequest {
  std::vector<AccessKey> keys;                // tried in order, first success wins
  std::size_t maxAuthenticationAttempts = 3;  // keys beyond this are never tried
  // Read in this order; a file the card lacks (6A82 / 6982) is skipped.
  std::vector<LdsFile> files = {lds::kCom,          *lds::dataGroup(1),  *lds::dataGroup(13),
                                *lds::dataGroup(2), *lds::dataGroup(14), *lds::dataGroup(15),
                                lds::kSod};
  Bytes activeAuthenticationChallenge;  // 8 bytes, or empty to skip AA
  const TrustStore* trust = nullptr;    // null: passive authentication is skipped
  PassiveAuthOptions passiveAuthOptions;
  LdsReadOptions readOptions;
  std::function<void(const CardReadProgress&)> onProgress;
  // Called once per file as soon as it has been read whole, before the next file is selected:
  // lets a caller show DG13 while the photo is still being read. Not verified yet at that point.
  std::function<void(const LdsFile&, const Bytes&)> onFileRead;
  std::function<bool()> cancelled;  // checked before every APDU: true -> Reason::Cancelled
};

enum class AuthenticationMethod { Pace, Bac };
enum class CheckOutcome { NotPerformed, Passed, Failed };

struct CardReadResult {
  AuthenticationMethod authentication = AuthenticationMethod::Bac;
  std::size_t keyIndex = 0;  // index in CardReadRequest::keys of the key that opened the chip
  Bytes cardAccess;          // empty when the card has none
  std::map<std::string, Bytes> files;  // by LdsFile::name ("EF.COM", "EF.DG1" ...), as read
  CheckOutcome chipAuthentication = CheckOutcome::NotPerformed;
  std::string chipAuthenticationDetail;  // why it failed
  CheckOutcome activeAuthentication = CheckOutcome::NotPerformed;
  std::string activeAuthenticationDetail;  // why it failed
  Bytes activeAuthenticationSignature;
  std::optional<PassiveAuthVerdict> passiveAuthentication;
  // The first verification state whose check failed (CA, AA or PA); nothing when all passed.
  std::optional<CardReadState> failedState;
};

// Runs the whole read. Errors (card removed, cancelled, every key rejected, a required step the
// card refuses) carry "<state>: ..." in the detail; verification failures are in the result.
Result<CardReadResult> readCard(CardTransport& transport, RandomSource& random,
                                const CardReadRequest& request);

}  // namespace onestop::emrtd
