#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace onestop::simulator {

// The page images the virtual scanner feeds: *.png, *.jpg, *.jpeg in one folder, by file name.
std::vector<std::filesystem::path> listPageImages(const std::filesystem::path& folder);

struct PageImage {
  std::string mime;
  std::vector<std::uint8_t> bytes;
  std::uint32_t widthPx = 0;  // from the PNG header; 0 when unknown
  std::uint32_t heightPx = 0;
  std::uint32_t dpi = 0;  // from the PNG's pHYs chunk; 0 when it has none
};

// Reads one page image; nullopt when the file cannot be read.
std::optional<PageImage> readPageImage(const std::filesystem::path& file);

}  // namespace onestop::simulator
