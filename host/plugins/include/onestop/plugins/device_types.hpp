#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace onestop::plugins {

// Typed views of the ABI's capability, option and result structs (onestop/plugin.h).

struct ReaderFeatures {
  std::uint32_t maxCommandApdu = 261;  // short APDUs unless the plugin says more
  std::uint32_t maxResponseApdu = 258;
  bool extendedLength = false;
  bool pinPad = false;
};

enum class Disposition { Leave, Reset };

enum class ScanMode { Color, Gray, Lineart };
enum class ScanSource { Flatbed, Adf };

struct ScannerCapabilities {
  std::vector<ScanMode> modes;
  std::vector<ScanSource> sources;
  std::vector<std::uint32_t> resolutionsDpi;
  std::uint32_t maxWidthUm = 0;
  std::uint32_t maxHeightUm = 0;
};

struct ScanOptions {
  ScanMode mode = ScanMode::Color;
  ScanSource source = ScanSource::Flatbed;
  std::uint32_t resolutionDpi = 300;
  std::uint32_t maxPages = 0;  // 0 = until the source is empty
  std::uint32_t leftUm = 0;
  std::uint32_t topUm = 0;
  std::uint32_t widthUm = 0;  // 0 = the full area
  std::uint32_t heightUm = 0;
};

struct ScanPage {
  std::string mime;
  std::vector<std::uint8_t> data;
  std::uint32_t widthPx = 0;
  std::uint32_t heightPx = 0;
  std::uint32_t resolutionDpi = 0;
};

struct PrinterCapabilities {
  bool color = false;
  bool duplex = false;
  std::uint32_t maxCopies = 1;
};

struct PrintOptions {
  std::uint32_t copies = 1;
  bool duplex = false;
  bool color = false;
  std::string title;  // a case number or form code, never citizen data
};

enum class PrintJobState { Pending, Printing, Completed, Failed, Cancelled };

}  // namespace onestop::plugins
