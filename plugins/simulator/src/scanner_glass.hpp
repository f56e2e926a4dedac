#pragma once

#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

namespace onestop::simulator {

// What lies on the virtual flatbed: a card from the card folders, scanned as an A4 page with the
// card near a corner. A card folder holds one such scan per resolution, glass-<dpi>dpi.png
// (made by tests/data/cards), and the flatbed serves the one nearest to the requested dpi.
struct GlassScan {
  std::filesystem::path file;
  std::uint32_t dpi = 0;
};

// The glass scans of `cardsFolder`/`card`, lowest dpi first; empty when the name is not a plain
// folder name (no separators, no "..") or the folder has none.
std::vector<GlassScan> listGlassScans(const std::filesystem::path& cardsFolder,
                                      std::string_view card);

// The scan whose dpi is nearest to `requestedDpi` (the higher one on a tie: more detail for the
// QR decoder). `scans` must not be empty.
const GlassScan& nearestGlassScan(const std::vector<GlassScan>& scans, std::uint32_t requestedDpi);

}  // namespace onestop::simulator
