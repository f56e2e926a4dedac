#include "onestop/emrtd/lds_reader.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

namespace onestop::emrtd {
namespace {

constexpr std::size_t kMaxShortOffset = 0x7FFF;
constexpr std::size_t kMaxHeader = 10;      // 4-byte tag + 0x84 and 4 length bytes, rounded up
constexpr std::size_t kDo53Header = 4;      // 53 82 LL LL
constexpr std::size_t kMaxAdaptations = 6;  // 6700 / 6Cxx retries per chunk
constexpr std::size_t kMinChunk = 16;

std::string fileLabel(const LdsFile& file) {
  char fid[8];
  std::snprintf(fid, sizeof fid, "%04X", static_cast<unsigned>(file.fid));
  return std::string(file.name) + " (" + fid + ")";
}

std::string at(const LdsFile& file, std::size_t offset) {
  return "READ BINARY " + fileLabel(file) + " @" + std::to_string(offset);
}

}  // namespace

Result<void> LdsReader::selectApplication(ApduChannel& plain) {
  auto response = plain.send(apdu::selectByAid(lds::kEmrtdAid));
  if (!response) return response.error();
  if (!response->ok()) return statusError(response->sw, "SELECT eMRTD application");
  return {};
}

Result<ResponseApdu> LdsReader::send(const CommandApdu& command) {
  ++apduCount_;
  return channel_.send(command);
}

std::size_t LdsReader::chunkLimit() const {
  std::size_t limit = channel_.maxResponseData();
  if (options_.maxChunk != 0) limit = std::min(limit, options_.maxChunk);
  if (cardChunk_ != 0) limit = std::min(limit, cardChunk_);
  return limit;
}

CommandApdu LdsReader::readCommand(const LdsFile& file, std::size_t offset, std::size_t ne) const {
  if (offset > kMaxShortOffset) return apdu::readBinaryOdd(offset, ne + kDo53Header);
  if (offset == 0 && !options_.selectByFid) return apdu::readBinarySfi(file.sfi, 0, ne);
  return apdu::readBinary(offset, ne);
}

// One READ BINARY of up to `wanted` bytes at `offset`. On 6Cxx (exact length in SW2) or 6700
// (wrong length: halve) the Ne limit shrinks for this and every later read.
Result<Bytes> LdsReader::readChunk(const LdsFile& file, std::size_t offset, std::size_t wanted) {
  const bool odd = offset > kMaxShortOffset;
  const std::size_t overhead = odd ? kDo53Header : 0;
  for (std::size_t attempt = 0; attempt <= kMaxAdaptations; ++attempt) {
    const std::size_t limit = chunkLimit();
    if (limit <= overhead) return Error(Reason::NotSupported, at(file, offset) + ": no room");
    const CommandApdu command = readCommand(file, offset, std::min(wanted, limit - overhead));
    auto response = send(command);
    if (!response) return response.error();
    const std::uint16_t sw = response->sw;
    if ((sw >> 8) == 0x6C || sw == kSwWrongLength) {
      const std::size_t exact = (sw & 0xFF) == 0 ? 256 : (sw & 0xFF);
      const std::size_t next = sw == kSwWrongLength ? command.ne / 2 : exact;
      if (next <= overhead || (sw == kSwWrongLength && next - overhead < kMinChunk)) {
        return statusError(sw, at(file, offset));
      }
      cardChunk_ = next;
      continue;
    }
    if (!isSuccessOrWarning(sw)) return statusError(sw, at(file, offset));
    if (!odd) return std::move(response->data);
    auto wrapped = parseTlv(response->data);
    if (!wrapped || wrapped->tag != 0x53) {
      return Error(Reason::ValidationFailed, at(file, offset) + ": answer without DO'53'");
    }
    return Bytes(wrapped->value.begin(), wrapped->value.end());
  }
  return Error(Reason::IoError, at(file, offset) + ": the card keeps refusing the length");
}

// Reads until the TLV header is complete; returns the file's total size.
Result<std::size_t> LdsReader::readHeader(const LdsFile& file, Bytes& data) {
  auto first = readChunk(file, 0, std::max<std::size_t>(options_.headerProbe, 2));
  if (!first) return first.error();
  data = std::move(*first);
  auto header = parseTlvHeader(data);
  if (!header && data.size() >= options_.headerProbe && data.size() < kMaxHeader) {
    auto more = readChunk(file, data.size(), kMaxHeader - data.size());
    if (!more) return more.error();
    append(data, *more);
    header = parseTlvHeader(data);
  }
  if (!header) {
    return Error(Reason::ValidationFailed,
                 fileLabel(file) + ": malformed header (" + header.error().detail() + ")");
  }
  if (header->totalSize() > options_.maxFileSize) {
    return Error(Reason::ValidationFailed, fileLabel(file) + ": header claims " +
                                               std::to_string(header->totalSize()) + " bytes");
  }
  return header->totalSize();
}

Result<Bytes> LdsReader::readFile(const LdsFile& file, const ReadProgress& progress) {
  if (options_.selectByFid) {
    auto selected = send(apdu::selectByFid(file.fid));
    if (!selected) return selected.error();
    if (!selected->ok()) return statusError(selected->sw, "SELECT " + fileLabel(file));
  }
  Bytes data;
  auto total = readHeader(file, data);
  if (!total) return total.error();
  if (data.size() > *total) data.resize(*total);
  if (progress) progress(data.size(), *total);
  while (data.size() < *total) {
    const std::size_t offset = data.size();
    auto chunk = readChunk(file, offset, *total - offset);
    if (!chunk) return chunk.error();
    // The file ends before its header says: return it as stored. Passive authentication and
    // the parsers then judge it, so a malformed card gets a verdict rather than a read error.
    if (chunk->empty()) break;
    const std::size_t take = std::min(chunk->size(), *total - offset);
    data.insert(data.end(), chunk->begin(), chunk->begin() + static_cast<std::ptrdiff_t>(take));
    if (progress) progress(data.size(), *total);
  }
  return data;
}

}  // namespace onestop::emrtd
