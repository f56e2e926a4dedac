#pragma once

#include <cstddef>
#include <functional>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/apdu_channel.hpp"
#include "onestop/emrtd/lds_file.hpp"

namespace onestop::emrtd {

struct LdsReadOptions {
  // Address files with SELECT by FID (true) or with the SFI in the first READ BINARY (false,
  // one APDU less per file).
  bool selectByFid = true;
  // Bytes asked for by the first READ BINARY: 6 hold any LDS tag with any length up to 16 MB
  // (ICAO's worked example reads 4); a longer header is completed with one more read.
  std::size_t headerProbe = 6;
  // Upper bound for the plain bytes per READ BINARY; 0 = the largest the channel allows.
  std::size_t maxChunk = 0;
  // Files whose TLV header claims more are refused as malformed.
  std::size_t maxFileSize = std::size_t{4} * 1024 * 1024;
};

// (bytes read so far, total bytes of the file)
using ReadProgress = std::function<void(std::size_t, std::size_t)>;

// Reads LDS elementary files over a channel (normally the SecureChannel after BAC or PACE):
//   [SELECT EF by FID]  READ BINARY of the header  READ BINARY of the rest in the largest
//   chunks the channel allows
// so a file takes at most ⌈size/chunk⌉ + 1 READ BINARY commands. Offsets above 7FFF use READ
// BINARY with odd INS (B1, offset in DO'54', data in DO'53'). If the card answers 6700 (wrong
// length) or 6Cxx (exact length in SW2), the chunk shrinks for this and later reads.
class LdsReader {
 public:
  explicit LdsReader(ApduChannel& channel, LdsReadOptions options = {})
      : channel_(channel), options_(options) {}

  // SELECT the eMRTD application by AID (before access control, on the plain channel).
  static Result<void> selectApplication(ApduChannel& plain);

  // The whole file (outer TLV included). A missing file (6A82) or one behind an access
  // condition (6982, e.g. DG3) is Reason::NotSupported with the file's name and FID in the
  // detail; a malformed or oversized header is Reason::ValidationFailed.
  Result<Bytes> readFile(const LdsFile& file, const ReadProgress& progress = {});

  // APDUs sent by this reader so far.
  [[nodiscard]] std::size_t apduCount() const { return apduCount_; }

 private:
  Result<ResponseApdu> send(const CommandApdu& command);
  [[nodiscard]] CommandApdu readCommand(const LdsFile& file, std::size_t offset,
                                        std::size_t ne) const;
  Result<Bytes> readChunk(const LdsFile& file, std::size_t offset, std::size_t wanted);
  Result<std::size_t> readHeader(const LdsFile& file, Bytes& data);
  [[nodiscard]] std::size_t chunkLimit() const;

  ApduChannel& channel_;
  LdsReadOptions options_;
  std::size_t apduCount_ = 0;
  std::size_t cardChunk_ = 0;  // Ne limit learnt from 6700 / 6Cxx; 0 = none learnt
};

}  // namespace onestop::emrtd
