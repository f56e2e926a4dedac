#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>

#include "chip_tlv.hpp"

namespace onestop::simulator::cccd {

// One elementary file of the chip. A file EF.COM lists but the folder lacks (DG3, DG4) is kept
// as present=false: real chips protect those with EAC and answer 6982, not 6A82.
struct ChipFile {
  std::uint16_t fid = 0;
  std::uint8_t sfi = 0;
  bool inMasterFile = false;  // EF.CardAccess; everything else is in the eMRTD application
  bool present = true;
  Bytes content;
};

// The files of one card folder: EF.CardAccess.bin in the MF; EF.COM.bin, EF.SOD.bin and
// EF.DG1.bin … EF.DG16.bin in the eMRTD application (FIDs and SFIs of ICAO 9303-10 §4.6).
class ChipFileSystem {
 public:
  // Throws std::runtime_error when the folder has no EF.COM.bin or a file cannot be read.
  static ChipFileSystem load(const std::filesystem::path& folder);

  [[nodiscard]] const ChipFile* byFid(std::uint16_t fid) const;
  [[nodiscard]] const ChipFile* bySfi(std::uint8_t sfi) const;

 private:
  std::map<std::uint16_t, ChipFile> files_;
};

}  // namespace onestop::simulator::cccd
