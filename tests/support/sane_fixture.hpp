#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace onestop::testing {

// A private SANE configuration that loads only the "test" backend (two virtual scanners, test:0
// and test:1) with a scan area large enough for A4, made by the test itself: no root, nothing
// under /etc changes, no daemon. The constructor writes <tmp>/onestop-sane-XXXXXX/{dll.conf,
// test.conf} and exports SANE_CONFIG_DIR; libsane reads it at sane_init, so make the fixture
// before the plugin loads. The destructor removes the folder and restores the variable.
//
// Why: Debian's /etc/sane.d/dll.conf comments the test backend out and loads some 80 real
// backends, some of which probe the network. SANE_CONFIG_DIR without a trailing ':' makes libsane
// read only this folder. The stock test.conf caps the geometry at 200 mm; A4 needs 210 x 297 mm.
class SaneFixture {
 public:
  SaneFixture();
  SaneFixture(const SaneFixture&) = delete;
  SaneFixture& operator=(const SaneFixture&) = delete;
  ~SaneFixture();

  [[nodiscard]] const std::filesystem::path& configDir() const { return dir_; }

  // Why the fixture cannot run here (the test backend's stock config is missing), or nullopt.
  static std::optional<std::string> unavailableReason();

  // Writes dll.conf and test.conf into dir (used by the fixture and by the benchmark).
  static void writeConfig(const std::filesystem::path& dir);

 private:
  std::filesystem::path dir_;
  std::optional<std::string> previous_;  // SANE_CONFIG_DIR before the fixture
};

}  // namespace onestop::testing
