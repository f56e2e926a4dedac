#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "onestop/forms/form_renderer.hpp"

namespace onestop::forms::testing {

// The shipped templates (config/forms) and this folder's data and golden files.
std::filesystem::path shippedFormsDir();
std::filesystem::path testDataDir();
std::filesystem::path goldenDir();

std::shared_ptr<FormCatalog> shippedCatalog();
Json readJson(const std::filesystem::path& path);
std::string readText(const std::filesystem::path& path);
void writeFile(const std::filesystem::path& path, const std::string& text);

// Runs a poppler tool (pdftotext, pdfinfo, pdffonts) on the PDF bytes and returns its stdout.
std::string runPoppler(const std::string& toolAndOptions, const std::vector<std::uint8_t>& pdf);
// One field of `pdfinfo`'s output ("Title", "Pages"), trimmed; "" when absent.
std::string pdfInfoField(const std::vector<std::uint8_t>& pdf, const std::string& name);
// `pdftotext -layout` with runs of spaces collapsed, lines trimmed and blank lines dropped: the
// words, their order and their grouping into lines, without sub-millimetre column drift.
std::string extractText(const std::vector<std::uint8_t>& pdf);

// A decoded PNG as 8-bit RGB triples.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;
};
RgbImage decodePng(const std::vector<std::uint8_t>& png);
// Mean absolute difference per channel (0 … 255); images of different sizes → 255.
double meanAbsoluteDifference(const RgbImage& a, const RgbImage& b);
// Pixels where any channel differs by more than `threshold`.
std::size_t differingPixels(const RgbImage& a, const RgbImage& b, int threshold);

// A fresh empty folder under the test temp dir, removed by the caller's fixture.
std::filesystem::path makeTempDir(const std::string& name);

// ONESTOP_UPDATE_GOLDEN=1 regenerates the golden files instead of comparing.
bool updatingGolden();

}  // namespace onestop::forms::testing
