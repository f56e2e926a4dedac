#include "pnm_codec.hpp"

#include <cstddef>
#include <optional>
#include <string>

#include "onestop/common/error.hpp"

namespace onestop::imaging {
namespace {

Error invalid(const std::string& what) {
  return Error(Reason::ImageInvalid, "PNM: " + what);
}

bool isSpace(std::uint8_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Reads the header's decimal fields one by one, skipping white space and '#' comments (which
// run to the end of the line) as the netpbm format allows between fields.
class HeaderReader {
 public:
  explicit HeaderReader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

  std::optional<long> number() {
    skipSpaceAndComments();
    long value = 0;
    std::size_t digits = 0;
    while (at_ < bytes_.size() && bytes_[at_] >= '0' && bytes_[at_] <= '9') {
      // Ten digits are already more than any limit allows; stop before overflowing.
      if (++digits > 9) return std::nullopt;
      value = value * 10 + (bytes_[at_] - '0');
      ++at_;
    }
    if (digits == 0) return std::nullopt;
    return value;
  }

  // Exactly one white-space byte separates the header from the samples.
  bool endOfHeader() {
    if (at_ >= bytes_.size() || !isSpace(bytes_[at_])) return false;
    ++at_;
    return true;
  }

  [[nodiscard]] std::size_t position() const { return at_; }

 private:
  void skipSpaceAndComments() {
    while (at_ < bytes_.size()) {
      if (isSpace(bytes_[at_])) {
        ++at_;
      } else if (bytes_[at_] == '#') {
        while (at_ < bytes_.size() && bytes_[at_] != '\n' && bytes_[at_] != '\r') ++at_;
      } else {
        return;
      }
    }
  }

  std::span<const std::uint8_t> bytes_;
  std::size_t at_ = 2;  // after the magic
};

}  // namespace

bool looksLikePnm(std::span<const std::uint8_t> bytes) {
  return bytes.size() >= 3 && bytes[0] == 'P' &&
         (bytes[1] == '4' || bytes[1] == '5' || bytes[1] == '6') && isSpace(bytes[2]);
}

Result<Raster> decodePnm(std::span<const std::uint8_t> pnm, const PageLimits& limits) {
  if (!looksLikePnm(pnm)) return invalid("not a binary PNM (P4, P5 or P6)");
  const char kind = static_cast<char>(pnm[1]);
  HeaderReader header(pnm);
  const std::optional<long> width = header.number();
  const std::optional<long> height = header.number();
  if (!width || !height || *width <= 0 || *height <= 0) return invalid("bad width or height");
  if (*width > limits.maxWidth || *height > limits.maxHeight) {
    return invalid("the page is larger than allowed");
  }
  long maxval = 1;
  if (kind != '4') {
    const std::optional<long> value = header.number();
    if (!value || *value < 1 || *value > 65535) return invalid("bad maxval");
    maxval = *value;
  }
  if (!header.endOfHeader()) return invalid("no white space after the header");

  const auto w = static_cast<std::size_t>(*width);
  const auto h = static_cast<std::size_t>(*height);
  const std::size_t channels = kind == '6' ? 3 : 1;
  const std::size_t bytesPerSample = maxval > 255 ? 2 : 1;
  const std::size_t rowBytes = kind == '4' ? (w + 7) / 8 : w * channels * bytesPerSample;
  const std::span<const std::uint8_t> samples = pnm.subspan(header.position());
  if (samples.size() / rowBytes < h) return invalid("truncated samples");

  Raster raster;
  raster.width = static_cast<int>(w);
  raster.height = static_cast<int>(h);
  raster.channels = static_cast<int>(channels);
  raster.pixels.resize(w * h * channels);
  if (kind == '4') {
    for (std::size_t y = 0; y < h; ++y) {
      const std::uint8_t* row = samples.data() + y * rowBytes;
      std::uint8_t* out = raster.pixels.data() + y * w;
      for (std::size_t x = 0; x < w; ++x) {
        out[x] = (row[x / 8] & (0x80U >> (x % 8))) != 0 ? 0 : 255;
      }
    }
    return raster;
  }
  const std::size_t count = w * h * channels;
  const auto max = static_cast<std::uint32_t>(maxval);
  for (std::size_t i = 0; i < count; ++i) {
    std::uint32_t sample = bytesPerSample == 2
                               ? (std::uint32_t{samples[2 * i]} << 8) | samples[2 * i + 1]
                               : std::uint32_t{samples[i]};
    if (sample > max) sample = max;
    raster.pixels[i] = max == 255 ? static_cast<std::uint8_t>(sample)
                                  : static_cast<std::uint8_t>((sample * 255 + max / 2) / max);
  }
  return raster;
}

}  // namespace onestop::imaging
