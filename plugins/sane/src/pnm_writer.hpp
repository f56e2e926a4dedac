// Raw SANE frame data → a PNM file (P4 bitmap, P5 gray, P6 RGB) that the host re-encodes.
// Independent of libsane so it can be tested with hand-made rows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace onestop::sane {

enum class PnmKind { Bitmap, Gray, Rgb };  // P4, P5, P6

struct RasterLayout {
  PnmKind kind = PnmKind::Gray;
  std::uint32_t width = 0;       // pixels per line
  std::uint32_t height = 0;      // lines
  int depth = 8;                 // bits per sample: 1 (Bitmap only), 8 or 16 (Gray, Rgb)
  std::size_t bytesPerLine = 0;  // of the source rows; may exceed the pixels' bytes (padding)
};

inline constexpr const char* kPnmMime = "image/x-portable-anymap";

// The bytes one line of pixels needs, without padding; 0 for an impossible layout.
std::size_t pixelBytesPerLine(const RasterLayout& layout);

// "P6\n1240 1754\n255\n". With paddedTo, a comment line after the magic number pads the header
// to exactly that many bytes, so that pixels read straight into a buffer at offset paddedTo
// need no move (PNM readers skip '#' comments; scanimage writes one too). Throws
// std::invalid_argument when paddedTo is too small for the header and its comment.
std::string pnmHeader(const RasterLayout& layout, std::size_t paddedTo = 0);
// Room that any header fits in with its padding comment.
inline constexpr std::size_t kPnmHeaderRoom = 64;

// Reserves `capacity` bytes for a page and asks the kernel for transparent huge pages: faulting
// in megabytes of fresh memory 4 KiB at a time costs more than copying it. Only a hint.
void reservePageBuffer(std::vector<std::uint8_t>& buffer, std::size_t capacity);

// A PNM of `layout` from `rows` (height × bytesPerLine bytes). 16-bit samples arrive in host
// byte order (SANE's rule) and are written big-endian (PNM's rule); SANE's 1-bit "1 = black"
// matches PBM, so bitmaps are copied as they are. Throws std::invalid_argument when rows is too
// short or the layout is impossible.
std::vector<std::uint8_t> writePnm(const RasterLayout& layout, std::span<const std::uint8_t> rows);

// Three one-channel planes (three-pass scanners send red, green and blue frames) → RGB rows of
// width × 3 samples. Each plane has `planeBytesPerLine` bytes per line and `height` lines.
std::vector<std::uint8_t> interleavePlanes(std::span<const std::uint8_t> red,
                                           std::span<const std::uint8_t> green,
                                           std::span<const std::uint8_t> blue, std::uint32_t width,
                                           std::uint32_t height, int depth,
                                           std::size_t planeBytesPerLine);

}  // namespace onestop::sane
