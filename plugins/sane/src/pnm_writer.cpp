#include "pnm_writer.hpp"

#include <sys/mman.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace onestop::sane {
namespace {

std::size_t channels(PnmKind kind) {
  return kind == PnmKind::Rgb ? 3 : 1;
}

// A page is megabytes of freshly allocated memory: with 4 KiB pages, faulting it in costs more
// than copying it (measured on a VM: ~40 % of a 150 dpi colour page's time). Asking for
// transparent huge pages before the first write cuts the faults 512-fold. Only a hint: kernels
// without THP, or with THP off, ignore it.
void adviseHugePages(const std::uint8_t* data, std::size_t size) {
  constexpr std::uintptr_t kHuge = 2u << 20;
  const auto begin = (reinterpret_cast<std::uintptr_t>(data) + kHuge - 1) & ~(kHuge - 1);
  const auto end = (reinterpret_cast<std::uintptr_t>(data) + size) & ~(kHuge - 1);
  if (end > begin) (void)::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

}  // namespace

std::size_t pixelBytesPerLine(const RasterLayout& layout) {
  if (layout.width == 0) return 0;
  if (layout.kind == PnmKind::Bitmap) return layout.depth == 1 ? (layout.width + 7u) / 8u : 0;
  if (layout.depth != 8 && layout.depth != 16) return 0;
  return static_cast<std::size_t>(layout.width) * channels(layout.kind) *
         static_cast<std::size_t>(layout.depth / 8);
}

std::string pnmHeader(const RasterLayout& layout, std::size_t paddedTo) {
  const char* magic = layout.kind == PnmKind::Bitmap ? "P4\n"
                      : layout.kind == PnmKind::Gray ? "P5\n"
                                                     : "P6\n";
  std::string rest = std::to_string(layout.width) + " " + std::to_string(layout.height) + "\n";
  if (layout.kind != PnmKind::Bitmap) rest += layout.depth == 16 ? "65535\n" : "255\n";
  std::string header = magic;
  if (paddedTo != 0) {
    const std::size_t natural = header.size() + rest.size();
    if (paddedTo < natural + 2) throw std::invalid_argument("PNM header room too small");
    header += '#';
    header.append(paddedTo - natural - 2, ' ');
    header += '\n';
  }
  return header + rest;
}

void reservePageBuffer(std::vector<std::uint8_t>& buffer, std::size_t capacity) {
  buffer.reserve(capacity);
  adviseHugePages(buffer.data(), buffer.capacity());
}

std::vector<std::uint8_t> writePnm(const RasterLayout& layout, std::span<const std::uint8_t> rows) {
  const std::size_t lineBytes = pixelBytesPerLine(layout);
  if (lineBytes == 0 || layout.height == 0 || layout.bytesPerLine < lineBytes) {
    throw std::invalid_argument("impossible raster layout");
  }
  const std::size_t need =
      (static_cast<std::size_t>(layout.height) - 1) * layout.bytesPerLine + lineBytes;
  if (rows.size() < need) throw std::invalid_argument("raster data shorter than its layout");

  const std::string header = pnmHeader(layout);
  // reserve + append rather than a sized vector: a page is megabytes, and zero-filling it first
  // would cost as much as the copy.
  std::vector<std::uint8_t> out;
  reservePageBuffer(out, header.size() + lineBytes * layout.height);
  out.insert(out.end(), header.begin(), header.end());
  const bool swap = layout.depth == 16 && std::endian::native == std::endian::little;
  if (!swap && layout.bytesPerLine == lineBytes) {
    out.insert(out.end(), rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(need));
    return out;
  }
  for (std::uint32_t y = 0; y < layout.height; ++y) {
    const std::uint8_t* src = rows.data() + static_cast<std::size_t>(y) * layout.bytesPerLine;
    if (!swap) {
      out.insert(out.end(), src, src + lineBytes);
      continue;
    }
    for (std::size_t i = 0; i + 1 < lineBytes; i += 2) {
      out.push_back(src[i + 1]);
      out.push_back(src[i]);
    }
  }
  return out;
}

std::vector<std::uint8_t> interleavePlanes(std::span<const std::uint8_t> red,
                                           std::span<const std::uint8_t> green,
                                           std::span<const std::uint8_t> blue, std::uint32_t width,
                                           std::uint32_t height, int depth,
                                           std::size_t planeBytesPerLine) {
  if (depth != 8 && depth != 16) throw std::invalid_argument("three-pass scan of depth 1");
  const std::size_t sample = static_cast<std::size_t>(depth / 8);
  const std::size_t need = static_cast<std::size_t>(height) * planeBytesPerLine;
  if (planeBytesPerLine < width * sample || red.size() < need || green.size() < need ||
      blue.size() < need) {
    throw std::invalid_argument("three-pass frames shorter than their layout");
  }
  std::vector<std::uint8_t> out(static_cast<std::size_t>(width) * height * 3 * sample);
  std::uint8_t* dst = out.data();
  const std::span<const std::uint8_t> planes[3] = {red, green, blue};
  for (std::uint32_t y = 0; y < height; ++y) {
    for (std::uint32_t x = 0; x < width; ++x) {
      for (const auto& plane : planes) {
        const std::uint8_t* src = plane.data() + y * planeBytesPerLine + x * sample;
        std::memcpy(dst, src, sample);
        dst += sample;
      }
    }
  }
  return out;
}

}  // namespace onestop::sane
