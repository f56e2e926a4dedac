#include "sane_fixture.hpp"

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace onestop::testing {
namespace {

const std::filesystem::path kStockTestConf = "/etc/sane.d/test.conf";

std::filesystem::path makeTempDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern =
      std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/onestop-sane-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) {
    throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
  }
  return pattern;
}

}  // namespace

std::optional<std::string> SaneFixture::unavailableReason() {
  if (!std::filesystem::exists(kStockTestConf)) {
    return kStockTestConf.string() + " missing: apt-get install libsane1 (scripts/setup)";
  }
  return std::nullopt;
}

void SaneFixture::writeConfig(const std::filesystem::path& dir) {
  std::ifstream in(kStockTestConf);
  if (!in) throw std::runtime_error("cannot read " + kStockTestConf.string());
  std::stringstream stock;
  stock << in.rdbuf();
  // The stock file's own settings (two devices, default options) stay; only the cap changes.
  const std::string conf = std::regex_replace(
      stock.str(), std::regex("^geometry_max .*$", std::regex::multiline), "geometry_max 300.0");
  std::ofstream(dir / "dll.conf") << "test\n";
  std::ofstream(dir / "test.conf") << conf;
}

SaneFixture::SaneFixture() : dir_(makeTempDir()) {
  writeConfig(dir_);
  if (const char* before = std::getenv("SANE_CONFIG_DIR")) previous_ = before;
  ::setenv("SANE_CONFIG_DIR", dir_.c_str(), 1);
}

SaneFixture::~SaneFixture() {
  if (previous_) {
    ::setenv("SANE_CONFIG_DIR", previous_->c_str(), 1);
  } else {
    ::unsetenv("SANE_CONFIG_DIR");
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

}  // namespace onestop::testing
