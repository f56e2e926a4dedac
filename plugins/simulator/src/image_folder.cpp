#include "image_folder.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <string_view>
#include <system_error>

namespace onestop::simulator {
namespace {

constexpr std::uintmax_t kMaxImageBytes = 64u * 1024u * 1024u;

std::string lowerExtension(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

std::uint32_t bigEndian32(const std::vector<std::uint8_t>& b, std::size_t at) {
  return (std::uint32_t{b[at]} << 24) | (std::uint32_t{b[at + 1]} << 16) |
         (std::uint32_t{b[at + 2]} << 8) | std::uint32_t{b[at + 3]};
}

// PNG: 8-byte signature, then the IHDR chunk whose data starts with width and height.
void readPngSize(PageImage& image) {
  static constexpr std::array<std::uint8_t, 8> kSignature{0x89, 'P',  'N',  'G',
                                                          0x0D, 0x0A, 0x1A, 0x0A};
  const auto& b = image.bytes;
  if (b.size() < 24 || !std::equal(kSignature.begin(), kSignature.end(), b.begin())) return;
  if (b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') return;
  image.widthPx = bigEndian32(b, 16);
  image.heightPx = bigEndian32(b, 20);
}

// The pHYs chunk (pixels per metre, unit 1) comes before the first IDAT; PIL writes it for dpi=.
void readPngDpi(PageImage& image) {
  constexpr double kMetresPerInch = 0.0254;
  const auto& b = image.bytes;
  std::size_t at = 8;
  while (at + 8 <= b.size()) {
    const std::uint32_t length = bigEndian32(b, at);
    const std::string_view type(reinterpret_cast<const char*>(&b[at + 4]), 4);
    if (type == "IDAT" || length > b.size() - at - 8) return;
    if (type == "pHYs" && length == 9 && b[at + 16] == 1) {
      const double perMetre = bigEndian32(b, at + 8);
      image.dpi = static_cast<std::uint32_t>(perMetre * kMetresPerInch + 0.5);
      return;
    }
    at += std::size_t{length} + 12;  // length, type, data, CRC
  }
}

}  // namespace

std::vector<std::filesystem::path> listPageImages(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code typeEc;
    if (!it->is_regular_file(typeEc)) continue;
    const std::string ext = lowerExtension(it->path());
    if (ext == ".png" || ext == ".jpg" || ext == ".jpeg") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<PageImage> readPageImage(const std::filesystem::path& file) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec || size > kMaxImageBytes) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  PageImage image;
  image.bytes.resize(static_cast<std::size_t>(size));
  if (!in || !in.read(reinterpret_cast<char*>(image.bytes.data()),
                      static_cast<std::streamsize>(image.bytes.size()))) {
    return std::nullopt;
  }
  image.mime = lowerExtension(file) == ".png" ? "image/png" : "image/jpeg";
  readPngSize(image);
  if (image.widthPx != 0) readPngDpi(image);
  return image;
}

}  // namespace onestop::simulator
