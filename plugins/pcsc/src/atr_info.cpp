#include "atr_info.hpp"

#include <bit>
#include <cstddef>

namespace onestop::pcsc {

std::optional<std::vector<std::uint8_t>> historicalBytes(std::span<const std::uint8_t> atr) {
  if (atr.size() < 2) return std::nullopt;
  const std::size_t k = atr[1] & 0x0Fu;
  std::uint8_t y = atr[1];  // T0, then each TDi: bits 5-8 say which interface bytes follow
  std::size_t pos = 2;
  while (true) {
    const auto count = static_cast<std::size_t>(std::popcount(static_cast<unsigned>(y & 0xF0u)));
    if (pos + count > atr.size()) return std::nullopt;
    pos += count;
    if ((y & 0x80u) == 0) break;
    y = atr[pos - 1];  // TDi is the last of the bytes it announced
  }
  if (pos + k > atr.size()) return std::nullopt;
  return std::vector<std::uint8_t>(atr.begin() + static_cast<std::ptrdiff_t>(pos),
                                   atr.begin() + static_cast<std::ptrdiff_t>(pos + k));
}

bool atrAnnouncesExtendedLength(std::span<const std::uint8_t> atr) {
  const auto hist = historicalBytes(atr);
  if (!hist || hist->empty()) return false;
  std::size_t end = hist->size();
  if ((*hist)[0] == 0x00) {
    if (end < 4) return false;
    end -= 3;  // the status indicator closes a category-0x00 ATR
  } else if ((*hist)[0] != 0x80) {
    return false;
  }
  for (std::size_t i = 1; i < end;) {
    const std::uint8_t tag = static_cast<std::uint8_t>((*hist)[i] >> 4);
    const std::size_t len = (*hist)[i] & 0x0Fu;
    if (i + 1 + len > end) return false;
    if (tag == 0x7 && len >= 3) return ((*hist)[i + 3] & 0x40u) != 0;
    i += 1 + len;
  }
  return false;
}

}  // namespace onestop::pcsc
