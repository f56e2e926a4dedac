// onestop_qr_bench [qrset-dir] [output.json]: the project's QR reader against zbarimg on the
// degraded QR set (tests/data/qr), in the same run.
//
// Method. Our reader: readBarcodes() on the encoded file's bytes (decode included), one call per
// image. zbarimg: one process per image (we need each image's own answer), minus the cost of
// starting a zbarimg that decodes nothing (median of 7 runs on a 16×16 blank image), so neither
// side pays for process creation. Both are measured in CPU time (ours: this process's, which runs
// nothing else meanwhile; zbarimg's: the child's user + system time from wait4, ImageMagick and
// OpenMP held to one thread as our reader is), which a loaded machine distorts far less than wall
// time; wall times are reported too. A second zbar figure, one zbarimg call over every image
// divided by the count, checks the subtraction; it is the lower of the two zbar figures (the
// start-up work beyond the blank image's is not in it), so the time goal (≤ 0.5× zbar) is judged
// against it. Success: a readable image counts when one of the symbols found is exactly the
// expected text (UTF-8); an unreadable image is correct when nothing is found (reported apart, not
// in the success rate).
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <numeric>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "onestop/imaging/barcode_reader.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Sample {
  std::string file;
  std::optional<std::string> expected;
  bool onA4 = false;
};

std::vector<std::uint8_t> readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

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

// One measurement: wall and CPU milliseconds.
struct Cost {
  double wallMs = 0;
  double cpuMs = 0;
};

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 != 0 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

double mean(const std::vector<double>& values) {
  return values.empty() ? 0
                        : std::accumulate(values.begin(), values.end(), 0.0) /
                              static_cast<double>(values.size());
}

extern "C" char** environ;

// The environment with ImageMagick (which zbarimg reads images with) and OpenMP held to one
// thread, as our reader runs: spinning OpenMP workers would inflate zbarimg's CPU time.
char** singleThreadedEnvironment() {
  static std::vector<std::string> variables = [] {
    std::vector<std::string> all{"MAGICK_THREAD_LIMIT=1", "OMP_NUM_THREADS=1"};
    for (char** variable = environ; *variable != nullptr; ++variable) all.emplace_back(*variable);
    return all;
  }();
  static std::vector<char*> pointers = [] {
    std::vector<char*> all;
    for (std::string& variable : variables) all.push_back(variable.data());
    all.push_back(nullptr);
    return all;
  }();
  return pointers.data();
}

// zbarimg's output, one symbol per line (--raw), and the cost of the whole process. Run without
// a shell; its stderr (ImageMagick's D-Bus chatter) goes to /dev/null.
std::vector<std::string> runZbar(const std::vector<std::string>& files, Cost& cost) {
  std::vector<std::string> arguments{"zbarimg", "--quiet", "--raw"};
  arguments.insert(arguments.end(), files.begin(), files.end());
  std::vector<char*> argv;
  for (std::string& argument : arguments) argv.push_back(argument.data());
  argv.push_back(nullptr);
  int out[2];
  if (pipe(out) != 0) return {};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_addclose(&actions, out[0]);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  const Clock::time_point start = Clock::now();
  pid_t pid = 0;
  const int spawned =
      posix_spawnp(&pid, "zbarimg", &actions, nullptr, argv.data(), singleThreadedEnvironment());
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  std::string output;
  char buffer[4096];
  for (ssize_t got = 0; (got = read(out[0], buffer, sizeof buffer)) > 0;) {
    output.append(buffer, static_cast<std::size_t>(got));
  }
  close(out[0]);
  rusage usage{};
  int status = 0;
  if (spawned == 0) wait4(pid, &status, 0, &usage);
  cost = {millisecondsSince(start), cpuMs(usage)};
  std::vector<std::string> lines;
  std::istringstream stream(output);
  for (std::string line; std::getline(stream, line);) lines.push_back(line);
  return lines;
}

struct Tally {
  int readableFound = 0;
  int unreadableQuiet = 0;
  std::vector<double> cpuTimes;
  std::vector<double> wallTimes;
  std::vector<std::string> missed;
};

nlohmann::json summary(const Tally& tally, int readable, int unreadable) {
  return {
      {"success", tally.readableFound},
      {"successRate", readable == 0 ? 0.0 : static_cast<double>(tally.readableFound) / readable},
      {"unreadableCorrectlyEmpty", tally.unreadableQuiet},
      {"unreadable", unreadable},
      {"medianCpuMsPerImage", median(tally.cpuTimes)},
      {"meanCpuMsPerImage", mean(tally.cpuTimes)},
      {"medianWallMsPerImage", median(tally.wallTimes)},
      {"meanWallMsPerImage", mean(tally.wallTimes)},
      {"missed", tally.missed}};
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path set = argc > 1 ? fs::path(argv[1]) : fs::path(ONESTOP_QR_SET_DIR);
  const std::optional<fs::path> output = argc > 2 ? std::optional<fs::path>(argv[2]) : std::nullopt;
  std::ifstream manifestFile(set / "manifest.json");
  if (!manifestFile) {
    std::cerr << "onestop_qr_bench: no manifest.json in " << set << " (build onestop_qr_set)\n";
    return 2;
  }
  const nlohmann::json manifest = nlohmann::json::parse(manifestFile);
  std::vector<Sample> samples;
  for (const nlohmann::json& entry : manifest.at("images")) {
    Sample sample{entry.at("file").get<std::string>(), std::nullopt, false};
    if (!entry.at("expected").is_null()) sample.expected = entry.at("expected").get<std::string>();
    sample.onA4 = sample.file.rfind("a4-", 0) == 0;
    samples.push_back(sample);
  }
  const auto readable = static_cast<int>(std::count_if(
      samples.begin(), samples.end(), [](const Sample& s) { return s.expected.has_value(); }));
  const int unreadable = static_cast<int>(samples.size()) - readable;

  // Our reader. A first untimed call warms the libraries' lazy initialisation.
  Tally ours;
  std::vector<double> a4Times;
  std::vector<double> a4CpuTimes;
  (void)onestop::imaging::readBarcodes(readFile(set / samples.front().file));
  for (const Sample& sample : samples) {
    const std::vector<std::uint8_t> bytes = readFile(set / sample.file);
    const Clock::time_point start = Clock::now();
    const double cpuStart = processCpuMs();
    const auto found = onestop::imaging::readBarcodes(bytes);
    const double cpu = processCpuMs() - cpuStart;
    const double elapsed = millisecondsSince(start);
    ours.wallTimes.push_back(elapsed);
    ours.cpuTimes.push_back(cpu);
    if (sample.onA4) {
      a4Times.push_back(elapsed);
      a4CpuTimes.push_back(cpu);
    }
    const bool any = found.ok() && !found->empty();
    if (!sample.expected) {
      if (!any) ++ours.unreadableQuiet;
      continue;
    }
    const bool hit = found.ok() && std::any_of(found->begin(), found->end(), [&](const auto& b) {
                       return b.text == *sample.expected;
                     });
    if (hit)
      ++ours.readableFound;
    else
      ours.missed.push_back(sample.file);
  }

  // zbarimg: spawn cost first (median of 7 runs on a blank image that holds no symbol).
  const fs::path blank = fs::temp_directory_path() / "onestop-qr-bench-blank.pgm";
  {
    std::ofstream out(blank, std::ios::binary);
    out << "P5 16 16 255\n" << std::string(256, '\xff');
  }
  std::vector<double> spawnWall;
  std::vector<double> spawnCpu;
  for (int i = 0; i < 7; ++i) {
    Cost cost;
    runZbar({blank.string()}, cost);
    spawnWall.push_back(cost.wallMs);
    spawnCpu.push_back(cost.cpuMs);
  }
  const Cost spawn{median(spawnWall), median(spawnCpu)};
  Tally zbar;
  std::vector<std::string> allFiles;
  for (const Sample& sample : samples) {
    Cost cost;
    const std::vector<std::string> lines = runZbar({(set / sample.file).string()}, cost);
    zbar.wallTimes.push_back(std::max(0.0, cost.wallMs - spawn.wallMs));
    zbar.cpuTimes.push_back(std::max(0.0, cost.cpuMs - spawn.cpuMs));
    allFiles.push_back((set / sample.file).string());
    if (!sample.expected) {
      if (lines.empty()) ++zbar.unreadableQuiet;
      continue;
    }
    if (std::find(lines.begin(), lines.end(), *sample.expected) != lines.end()) {
      ++zbar.readableFound;
    } else {
      zbar.missed.push_back(sample.file);
    }
  }
  Cost batch;
  runZbar(allFiles, batch);
  fs::remove(blank);

  const auto count = static_cast<double>(samples.size());
  nlohmann::json zbarJson = summary(zbar, readable, unreadable);
  zbarJson["spawnOverheadCpuMs"] = spawn.cpuMs;
  zbarJson["spawnOverheadWallMs"] = spawn.wallMs;
  zbarJson["batchMeanCpuMsPerImage"] = (batch.cpuMs - spawn.cpuMs) / count;
  zbarJson["batchMeanWallMsPerImage"] = (batch.wallMs - spawn.wallMs) / count;
  const nlohmann::json oursJson = summary(ours, readable, unreadable);
  const double ourRate = oursJson["successRate"];
  const double zbarRate = zbarJson["successRate"];
  const double ourMean = oursJson["meanCpuMsPerImage"];
  const double zbarMean = zbarJson["meanCpuMsPerImage"];
  const double zbarBatchMean = zbarJson["batchMeanCpuMsPerImage"];
  const nlohmann::json report = {
      {"images", samples.size()},
      {"readable", readable},
      {"onestop", oursJson},
      {"zbarimg", zbarJson},
      {"a4At300Dpi",
       {{"images", a4Times.size()},
        {"medianCpuMs", median(a4CpuTimes)},
        {"medianWallMs", median(a4Times)},
        {"maxWallMs", a4Times.empty() ? 0.0 : *std::max_element(a4Times.begin(), a4Times.end())}}},
      {"ratios",
       {{"successRateOnestopOverZbar", zbarRate == 0 ? 0.0 : ourRate / zbarRate},
        {"meanCpuTimeOnestopOverZbar", zbarMean == 0 ? 0.0 : ourMean / zbarMean},
        {"medianCpuTimeOnestopOverZbar",
         median(zbar.cpuTimes) == 0 ? 0.0 : median(ours.cpuTimes) / median(zbar.cpuTimes)},
        {"meanCpuTimeOnestopOverZbarBatch", zbarBatchMean <= 0 ? 0.0 : ourMean / zbarBatchMean},
        {"meanWallTimeOnestopOverZbar",
         mean(zbar.wallTimes) == 0 ? 0.0 : mean(ours.wallTimes) / mean(zbar.wallTimes)}}},
      {"goals",
       {{"higherSuccessRateThanZbar", ourRate > zbarRate},
        {"atMostHalfZbarMeanCpuTime", zbarBatchMean > 0 && ourMean <= 0.5 * zbarBatchMean}}},
  };
  std::cout << report.dump(2) << "\n";
  if (output) std::ofstream(*output) << report.dump(2) << "\n";
  return 0;
}
