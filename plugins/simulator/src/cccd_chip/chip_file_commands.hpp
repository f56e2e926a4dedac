#pragma once

#include "chip_apdu.hpp"
#include "chip_file_system.hpp"
#include "chip_reply.hpp"

namespace onestop::simulator::cccd {

// Where the chip is in its file tree, and whether an access-control protocol opened the
// eMRTD application's files.
struct FileSelection {
  bool applicationSelected = false;
  const ChipFile* currentEf = nullptr;
};

// SELECT (A4) and READ BINARY (B0, B1) over the chip's files (ISO/IEC 7816-4 §11.1–11.2,
// ICAO 9303-10 §3).
class ChipFileCommands {
 public:
  explicit ChipFileCommands(const ChipFileSystem& files) : files_(files) {}

  ChipReply select(const ChipCommand& command, FileSelection& selection) const;
  ChipReply readBinary(const ChipCommand& command, FileSelection& selection,
                       bool accessGranted) const;

 private:
  [[nodiscard]] const ChipFile* visible(const ChipFile* file, const FileSelection& selection) const;
  ChipReply selectFile(std::uint16_t fid, std::uint8_t p2, FileSelection& selection) const;

  const ChipFileSystem& files_;
};

}  // namespace onestop::simulator::cccd
