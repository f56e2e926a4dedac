// SANE ADF throughput: a 10-page feeder job (test backend, Color, 150 dpi, A4) through the plugin
// host (PluginHost → the staged sane plugin → ScanJob) against `scanimage --batch` with the same
// device and settings, in the same run, alternating, a few rounds each; the medians as JSON:
//   {"pages":10,"rounds":5,"plugin_pages_per_s":…,"scanimage_pages_per_s":…,"ratio":…,"goal":0.9}
// Usage: onestop_sane_adf_bench [--rounds N] [--scanimage PATH] [--tune-malloc]
//
// --tune-malloc applies onestopd's own allocator settings (host/daemon allocator_tuning, called
// here so the bench measures exactly what the daemon runs with): every page is a few MB that the
// plugin and the host each allocate afresh, and with glibc's defaults that memory goes back to the
// kernel after every page and is faulted in again 4 KiB at a time for the next one, which costs
// more than the scan itself on a VM. The JSON says which setting ran ("malloc"). The private SANE
// config comes from SaneFixture (no root, nothing under /etc). Exit 1 if a round scans a wrong
// number of pages; the ratio goal is reported, not enforced.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "onestop/daemon/allocator_tuning.hpp"
#include "onestop/plugins/plugin_host.hpp"
#include "sane_fixture.hpp"

extern char** environ;

namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kPages = 10;  // the test backend's feeder holds ten sheets
constexpr std::uint32_t kDpi = 150;

double seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// One feeder job through the host; the pages it gave (the clock covers start to last page).
std::size_t pluginRound(onestop::plugins::PluginHost& host, double& elapsed) {
  onestop::plugins::ScanOptions o;
  o.mode = onestop::plugins::ScanMode::Color;
  o.source = onestop::plugins::ScanSource::Adf;
  o.resolutionDpi = kDpi;
  o.widthUm = 210000;
  o.heightUm = 297000;
  auto scanner = host.scanner("sane/test:0");
  if (!scanner.ok()) throw std::runtime_error("no sane/test:0: " + scanner.error().detail());
  const auto started = Clock::now();
  auto job = (*scanner)->start(o);
  if (!job.ok()) throw std::runtime_error("start: " + job.error().detail());
  std::size_t pages = 0;
  while (true) {
    auto page = (*job)->next();
    if (!page.ok()) throw std::runtime_error("next: " + page.error().detail());
    if (!page->has_value()) break;
    ++pages;
  }
  job->reset();  // finish: sane_cancel + sane_close, part of the job's cost
  elapsed = seconds(Clock::now() - started);
  return pages;
}

// scanimage --batch into a fresh folder; the page files it wrote.
std::size_t scanimageRound(const std::string& scanimage, const std::filesystem::path& work,
                           double& elapsed) {
  const auto dir = work / "batch";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string batch = "--batch=" + (dir / "p%d.pnm").string();
  const std::string res = std::to_string(kDpi);
  std::vector<std::string> args{scanimage,
                                "-d",
                                "test:0",
                                "--source",
                                "Automatic Document Feeder",
                                "--mode",
                                "Color",
                                "--resolution",
                                res,
                                "-l",
                                "0",
                                "-t",
                                "0",
                                "-x",
                                "210",
                                "-y",
                                "297",
                                batch,
                                "--format=pnm"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // scanimage reports every page on stderr: keep the benchmark's output to the JSON.
  posix_spawn_file_actions_addopen(&actions, 2, (work / "scanimage.log").c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const auto started = Clock::now();
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, scanimage.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot run " + scanimage);
  int status = 0;
  waitpid(pid, &status, 0);
  elapsed = seconds(Clock::now() - started);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("scanimage failed; see " + (work / "scanimage.log").string());
  }
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  return files;
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 5;
  std::string scanimage = "scanimage";
  bool tuneMalloc = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--tune-malloc") tuneMalloc = true;
    if (i + 1 >= argc) continue;
    if (arg == "--rounds") rounds = std::max(1, std::atoi(argv[++i]));
    if (arg == "--scanimage") scanimage = argv[++i];
  }
  if (tuneMalloc) {
    if (!onestop::daemon::tuneAllocatorForScanPages()) {
      std::cerr << "onestop_sane_adf_bench: mallopt refused the settings\n";
      return 1;
    }
  }
  try {
    if (const auto why = onestop::testing::SaneFixture::unavailableReason()) {
      std::cerr << "onestop_sane_adf_bench: " << *why << "\n";
      return 2;
    }
    onestop::testing::SaneFixture fixture;
    onestop::plugins::PluginHostOptions options;
    options.directories = {std::filesystem::path(ONESTOP_PLUGIN_STAGE_DIR) / "sane"};
    onestop::plugins::PluginHost host(options);

    std::vector<double> pluginRates, scanimageRates;
    double elapsed = 0;
    (void)pluginRound(host, elapsed);  // warm-up: page cache, first allocations
    for (int r = 0; r < rounds; ++r) {
      if (pluginRound(host, elapsed) != kPages)
        throw std::runtime_error("plugin: wrong page count");
      pluginRates.push_back(kPages / elapsed);
      if (scanimageRound(scanimage, fixture.configDir(), elapsed) != kPages) {
        throw std::runtime_error("scanimage: wrong page count");
      }
      scanimageRates.push_back(kPages / elapsed);
    }
    const double plugin = median(pluginRates);
    const double reference = median(scanimageRates);
    const nlohmann::json result{{"benchmark", "sane_adf"},
                                {"device", "test:0"},
                                {"settings", "Color 150 dpi A4, Automatic Document Feeder"},
                                {"pages", kPages},
                                {"rounds", rounds},
                                {"plugin_pages_per_s", plugin},
                                {"scanimage_pages_per_s", reference},
                                {"ratio", plugin / reference},
                                {"malloc", tuneMalloc ? "tuned" : "glibc defaults"},
                                {"goal", 0.9}};
    std::cout << result.dump() << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "onestop_sane_adf_bench: " << e.what() << "\n";
    return 1;
  }
}
