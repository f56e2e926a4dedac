#include "forms_test_support.hpp"

#include <cairo.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <stdexcept>

namespace onestop::forms::testing {

namespace fs = std::filesystem;

fs::path shippedFormsDir() {
  return ONESTOP_FORMS_DIR;
}
fs::path testDataDir() {
  return fs::path(ONESTOP_FORMS_TEST_DIR) / "data";
}
fs::path goldenDir() {
  return fs::path(ONESTOP_FORMS_TEST_DIR) / "golden";
}

std::shared_ptr<FormCatalog> shippedCatalog() {
  auto catalog = FormCatalog::load({shippedFormsDir()});
  if (!catalog.ok()) throw std::runtime_error("cannot load the shipped forms");
  return *catalog;
}

std::string readText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  // rdbuf, not istreambuf_iterator: GCC 12 -O2 flags the latter (-Wnull-dereference).
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Json readJson(const fs::path& path) {
  return Json::parse(readText(path));
}

void writeFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

fs::path makeTempDir(const std::string& name) {
  std::random_device random;
  const fs::path dir =
      fs::temp_directory_path() /
      ("onestop-forms-" + name + "-" + std::to_string(getpid()) + "-" + std::to_string(random()));
  fs::create_directories(dir);
  return dir;
}

std::string runPoppler(const std::string& toolAndOptions, const std::vector<std::uint8_t>& pdf) {
  const fs::path dir = makeTempDir("pdf");
  const fs::path file = dir / "form.pdf";
  writeFile(file, std::string(pdf.begin(), pdf.end()));
  const bool toStdout = toolAndOptions.rfind("pdftotext", 0) == 0;
  const std::string command =
      toolAndOptions + " '" + file.string() + "'" + (toStdout ? " - " : "") + " 2>/dev/null";
  std::string output;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    std::array<char, 4096> buffer{};
    std::size_t got = 0;
    while ((got = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
      output.append(buffer.data(), got);
    pclose(pipe);
  }
  fs::remove_all(dir);
  return output;
}

std::string pdfInfoField(const std::vector<std::uint8_t>& pdf, const std::string& name) {
  std::istringstream info(runPoppler("pdfinfo", pdf));
  for (std::string line; std::getline(info, line);) {
    if (line.rfind(name + ":", 0) != 0) continue;
    const std::size_t start = line.find_first_not_of(' ', name.size() + 1);
    return start == std::string::npos ? std::string() : line.substr(start);
  }
  return {};
}

std::string extractText(const std::vector<std::uint8_t>& pdf) {
  std::istringstream raw(runPoppler("pdftotext -layout -enc UTF-8", pdf));
  std::string normalized;
  for (std::string line; std::getline(raw, line);) {
    std::string collapsed;
    for (char c : line) {
      if (c == '\f') c = ' ';  // page breaks: the page count is checked apart
      if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
      collapsed += c;
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    if (!collapsed.empty()) normalized += collapsed + "\n";
  }
  return normalized;
}

namespace {
struct PngReader {
  const std::vector<std::uint8_t>* bytes;
  std::size_t offset = 0;
};
cairo_status_t readPngChunk(void* closure, unsigned char* data, unsigned int length) {
  auto* reader = static_cast<PngReader*>(closure);
  if (reader->offset + length > reader->bytes->size()) return CAIRO_STATUS_READ_ERROR;
  std::copy_n(reader->bytes->begin() + static_cast<std::ptrdiff_t>(reader->offset), length, data);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}
}  // namespace

RgbImage decodePng(const std::vector<std::uint8_t>& png) {
  PngReader reader{&png};
  cairo_surface_t* surface = cairo_image_surface_create_from_png_stream(readPngChunk, &reader);
  RgbImage image;
  if (cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS) {
    cairo_surface_flush(surface);
    image.width = cairo_image_surface_get_width(surface);
    image.height = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    for (int y = 0; y < image.height; ++y) {
      const auto* row =
          reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
      for (int x = 0; x < image.width; ++x) {
        image.rgb.push_back(static_cast<std::uint8_t>((row[x] >> 16) & 0xFF));
        image.rgb.push_back(static_cast<std::uint8_t>((row[x] >> 8) & 0xFF));
        image.rgb.push_back(static_cast<std::uint8_t>(row[x] & 0xFF));
      }
    }
  }
  cairo_surface_destroy(surface);
  return image;
}

double meanAbsoluteDifference(const RgbImage& a, const RgbImage& b) {
  if (a.width != b.width || a.height != b.height || a.rgb.empty()) return 255;
  double total = 0;
  for (std::size_t i = 0; i < a.rgb.size(); ++i) total += std::abs(a.rgb[i] - b.rgb[i]);
  return total / static_cast<double>(a.rgb.size());
}

std::size_t differingPixels(const RgbImage& a, const RgbImage& b, int threshold) {
  if (a.width != b.width || a.height != b.height) return a.rgb.size() / 3;
  std::size_t count = 0;
  for (std::size_t i = 0; i + 2 < a.rgb.size(); i += 3) {
    for (std::size_t c = 0; c < 3; ++c) {
      if (std::abs(a.rgb[i + c] - b.rgb[i + c]) > threshold) {
        ++count;
        break;
      }
    }
  }
  return count;
}

bool updatingGolden() {
  const char* update = std::getenv("ONESTOP_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

}  // namespace onestop::forms::testing
