#include "chip_file_commands.hpp"

#include <algorithm>
#include <array>

namespace onestop::simulator::cccd {
namespace {

constexpr std::array<std::uint8_t, 7> kEmrtdAid{0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};
constexpr std::uint16_t kMasterFile = 0x3F00;
constexpr std::uint8_t kNoResponseData = 0x0C;
constexpr std::uint8_t kReturnFci = 0x00;
constexpr std::uint8_t kReturnFcp = 0x04;

std::uint16_t fidOf(ByteView data) {
  return static_cast<std::uint16_t>((data[0] << 8) | data[1]);
}

// A minimal FCP template: file size, descriptor (working EF, transparent), identifier.
Bytes controlParameters(const ChipFile& file) {
  const auto size = static_cast<std::uint16_t>(std::min<std::size_t>(file.content.size(), 0xFFFF));
  Bytes inner =
      tlv(0x80, Bytes{static_cast<std::uint8_t>(size >> 8), static_cast<std::uint8_t>(size)});
  append(inner, tlv(0x82, Bytes{0x01}));
  append(inner, tlv(0x83, Bytes{static_cast<std::uint8_t>(file.fid >> 8),
                                static_cast<std::uint8_t>(file.fid)}));
  return tlv(0x62, inner);
}

}  // namespace

const ChipFile* ChipFileCommands::visible(const ChipFile* file,
                                          const FileSelection& selection) const {
  if (file == nullptr) return nullptr;
  // EF.CardAccess sits in the MF but stays reachable from the application, as on real chips
  // that let a reader re-read it at any time.
  if (file->inMasterFile) return file;
  return selection.applicationSelected ? file : nullptr;
}

ChipReply ChipFileCommands::selectFile(std::uint16_t fid, std::uint8_t p2,
                                       FileSelection& selection) const {
  const ChipFile* file = visible(files_.byFid(fid), selection);
  if (file == nullptr) return ChipReply::error(sw::kFileNotFound);
  selection.currentEf = file;
  if (p2 == kNoResponseData || !file->present) return ChipReply::ok();
  return ChipReply::ok(controlParameters(*file));
}

ChipReply ChipFileCommands::select(const ChipCommand& command, FileSelection& selection) const {
  const std::uint8_t p2 = command.p2 & 0xF3;  // b3/b4 choose first/next occurrence: ignored
  if (p2 != kNoResponseData && p2 != kReturnFci && p2 != kReturnFcp) {
    return ChipReply::error(sw::kWrongP1P2);
  }
  switch (command.p1) {
    case 0x04:  // by DF name
      if (!std::equal(command.data.begin(), command.data.end(), kEmrtdAid.begin(),
                      kEmrtdAid.end())) {
        return ChipReply::error(sw::kFileNotFound);
      }
      selection = FileSelection{true, nullptr};
      return ChipReply::ok();
    case 0x00:  // MF, or any file by identifier
      if (command.data.empty() ||
          (command.data.size() == 2 && fidOf(command.data) == kMasterFile)) {
        selection = FileSelection{false, nullptr};
        return ChipReply::ok();
      }
      [[fallthrough]];
    case 0x02:  // EF under the current DF
      if (command.data.size() != 2) return ChipReply::error(sw::kWrongLength);
      return selectFile(fidOf(command.data), p2, selection);
    default:
      return ChipReply::error(sw::kWrongP1P2);
  }
}

ChipReply ChipFileCommands::readBinary(const ChipCommand& command, FileSelection& selection,
                                       bool accessGranted) const {
  const bool odd = command.ins == 0xB1;
  const ChipFile* file = selection.currentEf;
  std::size_t offset = 0;
  if (!odd) {
    if ((command.p1 & 0x80) != 0) {  // P1 = 100xxxxx: short EF identifier, P2 = offset
      if ((command.p1 & 0x60) != 0) return ChipReply::error(sw::kWrongP1P2);
      file = visible(files_.bySfi(command.p1 & 0x1F), selection);
      if (file == nullptr) return ChipReply::error(sw::kFileNotFound);
      offset = command.p2;
    } else {
      offset = (static_cast<std::size_t>(command.p1) << 8) | command.p2;
    }
  } else {
    const auto p1p2 = static_cast<std::uint16_t>((command.p1 << 8) | command.p2);
    if (p1p2 != 0) {
      const bool shortId = (p1p2 & 0xFFE0) == 0 && (p1p2 & 0x1F) != 0x1F;
      file = visible(shortId ? files_.bySfi(command.p2 & 0x1F) : files_.byFid(p1p2), selection);
      if (file == nullptr) return ChipReply::error(sw::kFileNotFound);
    }
    auto offsetObject = parseOne(command.data);
    if (!offsetObject || offsetObject->tag != 0x54 || offsetObject->value.empty() ||
        offsetObject->value.size() > 3) {
      return ChipReply::error(sw::kWrongData);
    }
    for (std::uint8_t byte : offsetObject->value) offset = (offset << 8) | byte;
  }
  if (file == nullptr) return ChipReply::error(sw::kNoCurrentEf);
  selection.currentEf = file;
  if (!file->present || (!file->inMasterFile && !accessGranted)) {
    return ChipReply::error(sw::kSecurityStatusNotSatisfied);
  }
  if (command.ne == 0) return ChipReply::error(sw::kWrongLength);
  if (offset > file->content.size()) return ChipReply::error(sw::kOffsetOutsideEf);
  const std::size_t remaining = file->content.size() - offset;
  std::size_t count = std::min(command.ne, remaining);
  if (odd) {  // the answer is 53 L data and must fit Ne as a whole
    while (count > 0 && 1 + encodeLength(count).size() + count > command.ne) --count;
  }
  const auto begin = file->content.begin() + static_cast<std::ptrdiff_t>(offset);
  const Bytes chunk(begin, begin + static_cast<std::ptrdiff_t>(count));
  return ChipReply::ok(odd ? tlv(0x53, chunk) : chunk);
}

}  // namespace onestop::simulator::cccd
