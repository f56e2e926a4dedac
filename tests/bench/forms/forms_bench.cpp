// onestop_forms_bench [--rounds N] [output.json]: CT01 rendered to PDF by onestop_forms against
// pango-view rendering the same text to PDF, in the same run.
//
// Method. Ours: FormCatalog::renderPdf in this process, N times after one untimed render (the
// template is loaded once, the per-thread Pango context warms up on the first render, as in the
// daemon). The baseline: the CT01 text (pdftotext -layout of our own PDF, so the same words and
// lines) in a file, rendered by `pango-view -q -o x.pdf` in Liberation Serif 12, one process per
// round. Both sides are timed in wall and CPU time (ours: this process's CPU clock; pango-view's:
// the child's user + system from wait4). pango-view pays its start-up (fontconfig, Pango, cairo)
// every round, so a second baseline subtracts the median cost of pango-view on an empty file: the
// goal (ours ≤ 1× pango-view) is judged against that net figure, the stricter of the two.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "onestop/forms/form_renderer.hpp"

extern "C" char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Cost {
  double wallMs = 0;
  double cpuMs = 0;
};

double processCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double cpuMs(const rusage& usage) {
  const auto ms = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
  };
  return ms(usage.ru_utime) + ms(usage.ru_stime);
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 != 0 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

// Runs a command without a shell, stdout to `stdoutFile` (or /dev/null), stderr to /dev/null.
std::optional<Cost> run(std::vector<std::string> arguments, const std::string& stdoutFile = {}) {
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1,
                                   stdoutFile.empty() ? "/dev/null" : stdoutFile.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const Clock::time_point start = Clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return std::nullopt;
  rusage usage{};
  int status = 0;
  wait4(pid, &status, 0, &usage);
  const double wall = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return Cost{wall, cpuMs(usage)};
}

nlohmann::json summary(const std::vector<Cost>& costs) {
  std::vector<double> wall;
  std::vector<double> cpu;
  for (const Cost& cost : costs) {
    wall.push_back(cost.wallMs);
    cpu.push_back(cost.cpuMs);
  }
  return {{"rounds", costs.size()}, {"medianWallMs", median(wall)}, {"medianCpuMs", median(cpu)}};
}

}  // namespace

int main(int argc, char** argv) {
  int rounds = 30;
  std::optional<fs::path> output;
  for (int i = 1; i < argc; ++i) {
    const std::string argument = argv[i];
    if (argument == "--rounds" && i + 1 < argc) {
      rounds = std::max(1, std::stoi(argv[++i]));
    } else {
      output = argument;
    }
  }
  const auto catalog = onestop::forms::FormCatalog::load({ONESTOP_FORMS_DIR});
  if (!catalog.ok() || !(*catalog)->has("CT01")) {
    std::cerr << "onestop_forms_bench: CT01 not found in " << ONESTOP_FORMS_DIR << "\n";
    return 2;
  }
  std::ifstream dataFile(fs::path(ONESTOP_FORMS_TEST_DIR) / "data" / "CT01.json");
  const nlohmann::json data = nlohmann::json::parse(dataFile);

  const fs::path work =
      fs::temp_directory_path() / ("onestop-forms-bench-" + std::to_string(getpid()));
  fs::create_directories(work);
  const auto first = (*catalog)->renderPdf("CT01", data);  // untimed: warms the Pango context
  if (!first.ok()) {
    std::cerr << "onestop_forms_bench: " << first.error().detail() << "\n";
    return 1;
  }
  std::ofstream(work / "ct01.pdf", std::ios::binary)
      .write(reinterpret_cast<const char*>(first->data()),
             static_cast<std::streamsize>(first->size()));

  std::vector<Cost> ours;
  for (int i = 0; i < rounds; ++i) {
    const Clock::time_point start = Clock::now();
    const double cpuStart = processCpuMs();
    const auto pdf = (*catalog)->renderPdf("CT01", data);
    const double cpu = processCpuMs() - cpuStart;
    const double wall = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (!pdf.ok()) return 1;
    ours.push_back({wall, cpu});
  }

  // The same text as a plain file, then pango-view on it and on an empty file.
  const std::string textFile = (work / "ct01.txt").string();
  const std::string emptyFile = (work / "empty.txt").string();
  std::ofstream(emptyFile) << "";
  if (!run({"pdftotext", "-layout", "-enc", "UTF-8", (work / "ct01.pdf").string(), textFile})) {
    std::cerr << "onestop_forms_bench: pdftotext failed\n";
    return 2;
  }
  const std::string pangoOut = (work / "pango.pdf").string();
  const std::string pangoEmptyOut = (work / "pango-empty.pdf").string();
  const auto pangoView = [&](const std::string& file, const std::string& pdf) {
    return run({"pango-view", "-q", "--font=Liberation Serif 12", "--width=500", "--wrap=word-char",
                "--margin=40", "-o", pdf, file});
  };
  std::vector<Cost> pango;
  std::vector<Cost> pangoEmpty;
  for (int i = 0; i < rounds; ++i) {
    const auto full = pangoView(textFile, pangoOut);
    const auto empty = pangoView(emptyFile, pangoEmptyOut);
    if (!full || !empty) {
      std::cerr << "onestop_forms_bench: pango-view failed (pango1.0-tools installed?)\n";
      return 2;
    }
    pango.push_back(*full);
    pangoEmpty.push_back(*empty);
  }
  const std::size_t pangoPdfBytes = fs::file_size(pangoOut);
  fs::remove_all(work);

  const nlohmann::json oursJson = summary(ours);
  const nlohmann::json pangoJson = summary(pango);
  const nlohmann::json emptyJson = summary(pangoEmpty);
  const double ourCpu = oursJson["medianCpuMs"];
  const double ourWall = oursJson["medianWallMs"];
  const double pangoCpu = pangoJson["medianCpuMs"];
  const double pangoWall = pangoJson["medianWallMs"];
  const double netCpu = pangoCpu - emptyJson["medianCpuMs"].get<double>();
  const double netWall = pangoWall - emptyJson["medianWallMs"].get<double>();
  const auto ratio = [](double a, double b) { return b <= 0 ? 0.0 : a / b; };
  const nlohmann::json report = {
      {"form", "CT01"},
      {"pages", 2},
      {"onestop", oursJson},
      {"onestopPdfBytes", first->size()},
      {"pangoView", pangoJson},
      {"pangoViewEmptyFile", emptyJson},
      {"pangoViewPdfBytes", pangoPdfBytes},
      {"pangoViewNetCpuMs", netCpu},
      {"pangoViewNetWallMs", netWall},
      {"ratios",
       {{"cpuOnestopOverPangoView", ratio(ourCpu, pangoCpu)},
        {"wallOnestopOverPangoView", ratio(ourWall, pangoWall)},
        {"cpuOnestopOverPangoViewNet", ratio(ourCpu, netCpu)},
        {"wallOnestopOverPangoViewNet", ratio(ourWall, netWall)}}},
      {"goals", {{"atMostPangoViewNetCpu", netCpu > 0 && ourCpu <= netCpu}}},
  };
  std::cout << report.dump(2) << "\n";
  if (output) std::ofstream(*output) << report.dump(2) << "\n";
  return 0;
}
